package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.engine.model.MigrationWave;

/**
 * Orders migrations by the dependsOn graph: an item's wave comes after the waves of everything
 * it depends on (identity and infrastructure first). Retained items take no wave but still
 * order the others. Pure.
 */
public final class WavePlanner {

    private WavePlanner() {
    }

    /** A node of the plan: its dependencies, and (when it migrates) what goes into its wave. */
    public record Node(String id, List<String> dependsOn, MigrationWave.WaveItem migration) {
    }

    /**
     * @throws DependencyCycleException naming the items of a cycle
     */
    public static List<MigrationWave> plan(List<Node> nodes) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(node.id(), node));
        Map<String, Integer> depth = new HashMap<>();
        for (Node node : nodes) {
            depthOf(node.id(), byId, depth, new LinkedHashMap<>());
        }
        Map<Integer, List<MigrationWave.WaveItem>> byDepth = new java.util.TreeMap<>();
        for (Node node : nodes) {
            if (node.migration() != null) {
                byDepth.computeIfAbsent(depth.get(node.id()), d -> new ArrayList<>()).add(node.migration());
            }
        }
        List<MigrationWave> waves = new ArrayList<>();
        int cumulative = 0;
        for (List<MigrationWave.WaveItem> items : byDepth.values()) {
            items.sort(Comparator.comparingInt((MigrationWave.WaveItem item) -> item.effort().points())
                    .thenComparing(Comparator.comparingDouble(MigrationWave.WaveItem::gain).reversed())
                    .thenComparing(MigrationWave.WaveItem::id));
            int effort = items.stream().mapToInt(item -> item.effort().points()).sum();
            cumulative += effort;
            waves.add(new MigrationWave(waves.size() + 1, List.copyOf(items), effort, cumulative));
        }
        return waves;
    }

    /** Longest dependency chain below an item, found depth-first; a node met again on the path is a cycle. */
    private static int depthOf(String id, Map<String, Node> nodes, Map<String, Integer> depth, LinkedHashMap<String, Boolean> path) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        if (path.containsKey(id)) {
            List<String> cycle = new ArrayList<>(path.keySet());
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(id), cycle.size()));
            cycle.add(id);
            throw new DependencyCycleException(Collections.unmodifiableList(cycle));
        }
        Node node = nodes.get(id);
        if (node == null) {
            return 0;
        }
        path.put(id, Boolean.TRUE);
        int deepest = 0;
        for (String dependency : node.dependsOn()) {
            deepest = Math.max(deepest, depthOf(dependency, nodes, depth, path) + 1);
        }
        path.remove(id);
        depth.put(id, deepest);
        return deepest;
    }
}

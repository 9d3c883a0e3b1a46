package eu.sovereignstack.assessment.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.LibraryRollUp;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.UnknownFact;

/**
 * Libraries count in what is built from them. A library belongs to every application or service
 * that depends on it, directly or through other libraries; what its findings say (a proprietary
 * licence, a package the catalog does not know) caps that item, while what is unknown about it
 * only lowers the item's confidence: an unknown open-source package is not an unknown
 * proprietary vendor. Libraries no item depends on belong to the application an SBOM describes.
 */
final class Libraries {

    private static final Set<String> UNKNOWN_FACT_CODES = Arrays.stream(UnknownFact.values())
            .map(UnknownFact::code).collect(Collectors.toUnmodifiableSet());

    private Libraries() {
    }

    /** The items with, for each library, the items it is part of and, for each other item, its libraries rolled up. */
    static List<ItemResult> rolledUp(List<ItemResult> items) {
        Map<String, ItemResult> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        Map<String, List<String>> partOf = new LinkedHashMap<>();
        Map<String, List<ItemResult>> librariesOf = new LinkedHashMap<>();
        for (ItemResult item : items) {
            if (item.library()) {
                continue;
            }
            List<ItemResult> libraries = reachableLibraries(item, byId);
            libraries.forEach(library -> partOf.computeIfAbsent(library.id(), id -> new ArrayList<>()).add(item.id()));
            librariesOf.put(item.id(), libraries);
        }
        return items.stream()
                .map(item -> new ItemResult(item.id(), item.name(), item.product(), item.matchedBy(), item.deployment(),
                        item.criticality(), item.dataClassification(), item.usage(), item.licence(), item.dependsOn(),
                        item.assessment(), item.plan(), item.library(), partOf.getOrDefault(item.id(), List.of()),
                        item.library() ? null : rollUp(librariesOf.getOrDefault(item.id(), List.of())), item.factsFrom()))
                .toList();
    }

    /** The libraries an item depends on, directly or through other libraries, in the order first reached. */
    private static List<ItemResult> reachableLibraries(ItemResult item, Map<String, ItemResult> byId) {
        List<ItemResult> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(item.dependsOn());
        while (!pending.isEmpty()) {
            ItemResult next = byId.get(pending.pop());
            if (next != null && next.library() && seen.add(next.id())) {
                found.add(next);
                pending.addAll(next.dependsOn());
            }
        }
        return found;
    }

    /** What libraries add to the item they are part of; null when there are none. */
    static LibraryRollUp rollUp(List<ItemResult> libraries) {
        if (libraries.isEmpty()) {
            return null;
        }
        Map<SovereigntyObjective, Integer> levels = SovereigntyScorer.topLevels();
        double confidence = 0;
        int unknown = 0;
        for (ItemResult library : libraries) {
            ruleLevels(library.assessment()).forEach((objective, level) -> levels.merge(objective, level, Math::min));
            confidence += library.assessment().confidence();
            if (library.product() == null) {
                unknown++;
            }
        }
        return new LibraryRollUp(libraries.size(), unknown, levels, SovereigntyScorer.round(confidence / libraries.size(), 2));
    }

    /** The levels an item's findings give, without the caps of what is unknown about it. */
    static Map<SovereigntyObjective, Integer> ruleLevels(ItemScore score) {
        Map<SovereigntyObjective, Integer> levels = SovereigntyScorer.topLevels();
        for (Finding finding : score.findings()) {
            if (!UNKNOWN_FACT_CODES.contains(finding.code())) {
                finding.caps().forEach(cap -> levels.merge(cap.objective(), cap.cap(), Math::min));
            }
        }
        return levels;
    }

    /**
     * The levels an item counts with: an application's or service's with its libraries'; a
     * library's as its findings give them (what is unknown about it lowers confidence only).
     */
    static Map<SovereigntyObjective, Integer> counted(ItemResult item) {
        if (item.library()) {
            return ruleLevels(item.assessment());
        }
        return item.libraries() == null ? item.assessment().levels()
                : weakest(item.assessment().levels(), item.libraries().levels());
    }

    /** Per objective, the lower of two levels. */
    static Map<SovereigntyObjective, Integer> weakest(Map<SovereigntyObjective, Integer> a, Map<SovereigntyObjective, Integer> b) {
        Map<SovereigntyObjective, Integer> levels = SovereigntyScorer.topLevels();
        a.forEach((objective, level) -> levels.merge(objective, level, Math::min));
        b.forEach((objective, level) -> levels.merge(objective, level, Math::min));
        return levels;
    }

    /** Whether a finding says something known about an item, rather than that a fact is unknown. */
    static boolean known(Finding finding) {
        return !UNKNOWN_FACT_CODES.contains(finding.code());
    }
}

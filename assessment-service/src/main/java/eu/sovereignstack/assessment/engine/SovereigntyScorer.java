package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.FindingFact;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.SealLevel;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.SovereigntyRule;
import eu.sovereignstack.assessment.engine.rules.UnknownFact;

/**
 * Scores one item: every objective starts at SEAL 4, each matching rule and each unknown fact
 * caps it, and the findings say why. Pure and stateless.
 */
public final class SovereigntyScorer {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Finding::objective)
            .thenComparing(Finding::code);

    private SovereigntyScorer() {
    }

    public static ItemScore score(ItemFacts facts, ScoringProfile profile) {
        Map<SovereigntyObjective, Integer> levels = topLevels();
        List<Finding> findings = new ArrayList<>();
        for (SovereigntyRule rule : SovereigntyRule.values()) {
            rule.apply(facts).ifPresent(finding -> {
                findings.add(finding);
                levels.merge(finding.objective(), finding.cap(), Math::min);
            });
        }
        List<String> unknowns = new ArrayList<>();
        int relevant = 0;
        int known = 0;
        for (UnknownFact unknown : UnknownFact.values()) {
            if (!unknown.fact().relevantFor(facts)) {
                continue;
            }
            relevant++;
            if (unknown.fact().knownFor(facts)) {
                known++;
                continue;
            }
            unknowns.add(unknown.what());
            unknown.caps().forEach((objective, cap) -> {
                if (cap < levels.get(objective)) {
                    findings.add(unknown.finding(facts, objective));
                }
                levels.merge(objective, cap, Math::min);
            });
        }
        List<Finding> merged = merged(findings);
        return new ItemScore(levels, weakest(levels), score(levels, profile), round(relevant == 0 ? 1.0 : (double) known / relevant, 2),
                merged, unknowns);
    }

    /**
     * One finding per code: the objectives it caps listed together (the lowest cap first named),
     * its worst severity, its distinct sentences and facts. Most serious first.
     */
    static List<Finding> merged(List<Finding> findings) {
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        findings.forEach(finding -> byCode.computeIfAbsent(finding.code(), code -> new ArrayList<>()).add(finding));
        List<Finding> merged = new ArrayList<>();
        for (List<Finding> group : byCode.values()) {
            Finding lowest = group.stream().min(Comparator.comparingInt(Finding::cap).thenComparing(Finding::objective)).orElseThrow();
            Severity worst = group.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
            String message = group.stream().map(Finding::message).distinct().collect(Collectors.joining(" "));
            List<FindingFact> facts = group.stream().flatMap(f -> f.facts().stream()).distinct().limit(Limits.FINDING_FACTS).toList();
            List<Finding.ObjectiveCap> caps = group.stream()
                    .flatMap(f -> f.caps().stream())
                    .sorted(Comparator.comparing(Finding.ObjectiveCap::objective))
                    .toList();
            merged.add(new Finding(lowest.code(), worst, lowest.objective(), lowest.cap(), message, facts, caps));
        }
        merged.sort(ORDER);
        return merged;
    }

    /** Sum over objectives of level / 4 x weight, one decimal. */
    public static double score(Map<SovereigntyObjective, Integer> levels, ScoringProfile profile) {
        return score(levels, profile.weights());
    }

    /** Sum over objectives of level / 4 x the objective's weight in percent, one decimal. */
    static double score(Map<SovereigntyObjective, Integer> levels, Map<SovereigntyObjective, Integer> weights) {
        double total = 0;
        for (Map.Entry<SovereigntyObjective, Integer> level : levels.entrySet()) {
            total += (double) level.getValue() / SealLevel.MAX * weights.getOrDefault(level.getKey(), 0);
        }
        return round(total, 1);
    }

    /** Every objective at the top level: where an item starts before the rules cap it. */
    static Map<SovereigntyObjective, Integer> topLevels() {
        Map<SovereigntyObjective, Integer> levels = new EnumMap<>(SovereigntyObjective.class);
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            levels.put(objective, SealLevel.MAX);
        }
        return levels;
    }

    public static int weakest(Map<SovereigntyObjective, Integer> levels) {
        return levels.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    public static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}

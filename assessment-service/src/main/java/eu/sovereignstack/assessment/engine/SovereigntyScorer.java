package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.SealLevel;
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
        Map<SovereigntyObjective, Integer> levels = new EnumMap<>(SovereigntyObjective.class);
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            levels.put(objective, SealLevel.MAX);
        }
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
        findings.sort(ORDER);
        return new ItemScore(levels, weakest(levels), score(levels, profile), round(relevant == 0 ? 1.0 : (double) known / relevant, 2),
                findings, unknowns);
    }

    /** Sum over objectives of level / 4 x weight, one decimal. */
    public static double score(Map<SovereigntyObjective, Integer> levels, ScoringProfile profile) {
        double total = 0;
        for (Map.Entry<SovereigntyObjective, Integer> level : levels.entrySet()) {
            total += (double) level.getValue() / SealLevel.MAX * profile.weight(level.getKey());
        }
        return round(total, 1);
    }

    public static int weakest(Map<SovereigntyObjective, Integer> levels) {
        return levels.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    public static double round(double value, int decimals) {
        double factor = Math.pow(10, decimals);
        return Math.round(value * factor) / factor;
    }
}

package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.Comparison;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;

/** How an organisation moved from one assessment to another: levels, scores and findings. */
public final class Comparisons {

    private Comparisons() {
    }

    public static Comparison compare(Comparison.Side fromSide, AssessmentResult from, Comparison.Side toSide, AssessmentResult to) {
        List<Comparison.ObjectiveDelta> objectives = new ArrayList<>();
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            int before = from.organisation().levels().get(objective);
            int after = to.organisation().levels().get(objective);
            double scoreBefore = Aggregation.objectiveScore(from, objective);
            double scoreAfter = Aggregation.objectiveScore(to, objective);
            objectives.add(new Comparison.ObjectiveDelta(objective, before, after, after - before, scoreBefore, scoreAfter,
                    SovereigntyScorer.round(scoreAfter - scoreBefore, 1)));
        }
        Map<String, Comparison.ComparedFinding> before = findings(from);
        Map<String, Comparison.ComparedFinding> after = findings(to);
        return new Comparison(fromSide, toSide,
                SovereigntyScorer.round(to.organisation().score() - from.organisation().score(), 1),
                to.organisation().seal() - from.organisation().seal(), objectives,
                before.entrySet().stream().filter(e -> !after.containsKey(e.getKey())).map(Map.Entry::getValue).toList(),
                after.entrySet().stream().filter(e -> !before.containsKey(e.getKey())).map(Map.Entry::getValue).toList());
    }

    /**
     * Every distinct finding by item, code and objective, in the result's order: a finding that
     * caps several objectives counts once for each, so results stored before findings were merged
     * compare with later ones.
     */
    private static Map<String, Comparison.ComparedFinding> findings(AssessmentResult result) {
        Map<String, Comparison.ComparedFinding> findings = new LinkedHashMap<>();
        for (AssessmentResult.ItemResult item : result.items()) {
            for (Finding finding : item.assessment().findings()) {
                for (Finding.ObjectiveCap cap : finding.caps()) {
                    findings.putIfAbsent(item.id() + "\u0000" + finding.code() + "\u0000" + cap.objective(),
                            new Comparison.ComparedFinding(item.id(), item.name(), finding.code(), cap.objective(),
                                    finding.severity(), finding.message()));
                }
            }
        }
        return findings;
    }
}

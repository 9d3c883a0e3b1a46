package eu.sovereignstack.assessment.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.OrganisationResult;
import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.SealLevel;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.AggregationWeight;

/**
 * From items to the organisation: scores and confidence are means weighted by criticality
 * ({@link AggregationWeight}); a level is the weakest item's. The projection counts each item
 * as its plan leaves it (retired items drop out, switched ones count with their option).
 */
final class Aggregation {

    private Aggregation() {
    }

    static OrganisationResult organisation(Organisation organisation, List<ItemResult> items) {
        double weights = 0;
        double score = 0;
        double projected = 0;
        double confidence = 0;
        double projectedWeights = 0;
        Map<SovereigntyObjective, Integer> levels = topLevels();
        Map<SovereigntyObjective, Integer> projectedLevels = topLevels();
        int unknown = 0;
        for (ItemResult item : items) {
            int weight = AggregationWeight.of(item.criticality());
            weights += weight;
            score += weight * item.assessment().score();
            confidence += weight * item.assessment().confidence();
            item.assessment().levels().forEach((objective, level) -> levels.merge(objective, level, Math::min));
            if (item.product() == null) {
                unknown++;
            }
            if (item.plan().disposition() == Disposition.RETIRE) {
                continue;
            }
            AlternativeOption chosen = item.plan().chosen();
            projectedWeights += weight;
            projected += weight * (chosen == null ? item.assessment().score() : chosen.scoreAfter());
            (chosen == null ? item.assessment().levels() : chosen.levelsAfter())
                    .forEach((objective, level) -> projectedLevels.merge(objective, level, Math::min));
        }
        return new OrganisationResult(organisation.name(), organisation.sector(),
                SovereigntyScorer.round(score / weights, 1), SovereigntyScorer.weakest(levels), levels,
                SovereigntyScorer.round(confidence / weights, 2), items.size(), unknown,
                projectedWeights == 0 ? 0 : SovereigntyScorer.round(projected / projectedWeights, 1),
                SovereigntyScorer.weakest(projectedLevels), projectedLevels);
    }

    /** The objective's share of the organisation's score: criticality-weighted mean of level / top level x weight. */
    static double objectiveScore(AssessmentResult result, SovereigntyObjective objective) {
        double weights = 0;
        double total = 0;
        for (ItemResult item : result.items()) {
            int weight = AggregationWeight.of(item.criticality());
            weights += weight;
            total += weight * item.assessment().levels().get(objective) / (double) SealLevel.MAX * result.weights().get(objective);
        }
        return weights == 0 ? 0 : SovereigntyScorer.round(total / weights, 1);
    }

    private static Map<SovereigntyObjective, Integer> topLevels() {
        Map<SovereigntyObjective, Integer> levels = new EnumMap<>(SovereigntyObjective.class);
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            levels.put(objective, SealLevel.MAX);
        }
        return levels;
    }
}

package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.LibraryRollUp;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.OrganisationResult;
import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.SealLevel;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.engine.rules.AggregationWeight;

/**
 * From items to the organisation. What counts is each application or service with its
 * libraries ({@link Libraries}); libraries no item depends on count together, as the application
 * an SBOM describes (its criticality the default, MEDIUM). Scores and confidence are means
 * weighted by criticality ({@link AggregationWeight}); a level is the weakest unit's. The
 * projection counts each unit as its plan leaves it: retired ones drop out, switched ones count
 * with their option (and without their libraries), kept ones with their libraries' plans.
 */
final class Aggregation {

    /** What counts in the organisation: an application or service with its libraries, or the libraries of an SBOM's subject. */
    private record Unit(int weight, Map<SovereigntyObjective, Integer> levels, double score, double confidence,
            boolean retired, Map<SovereigntyObjective, Integer> projectedLevels, double projectedScore) {
    }

    private Aggregation() {
    }

    static OrganisationResult organisation(Organisation organisation, List<ItemResult> items,
            Map<SovereigntyObjective, Integer> weights) {
        List<Unit> units = units(items, weights);
        double totalWeight = 0;
        double score = 0;
        double confidence = 0;
        double projected = 0;
        double projectedWeights = 0;
        Map<SovereigntyObjective, Integer> levels = SovereigntyScorer.topLevels();
        Map<SovereigntyObjective, Integer> projectedLevels = SovereigntyScorer.topLevels();
        for (Unit unit : units) {
            totalWeight += unit.weight();
            score += unit.weight() * unit.score();
            confidence += unit.weight() * unit.confidence();
            unit.levels().forEach((objective, level) -> levels.merge(objective, level, Math::min));
            if (!unit.retired()) {
                projectedWeights += unit.weight();
                projected += unit.weight() * unit.projectedScore();
                unit.projectedLevels().forEach((objective, level) -> projectedLevels.merge(objective, level, Math::min));
            }
        }
        int unknown = (int) items.stream().filter(item -> item.product() == null).count();
        int libraries = (int) items.stream().filter(ItemResult::library).count();
        return new OrganisationResult(organisation.name(), organisation.sector(),
                SovereigntyScorer.round(score / totalWeight, 1), SovereigntyScorer.weakest(levels), levels,
                SovereigntyScorer.round(confidence / totalWeight, 2), items.size(), unknown, libraries,
                projectedWeights == 0 ? 0 : SovereigntyScorer.round(projected / projectedWeights, 1),
                SovereigntyScorer.weakest(projectedLevels), projectedLevels);
    }

    /** The objective's share of the organisation's score: weighted mean of level / top level x the objective's weight. */
    static double objectiveScore(AssessmentResult result, SovereigntyObjective objective) {
        double weights = 0;
        double total = 0;
        for (Unit unit : units(result.items(), result.weights())) {
            weights += unit.weight();
            total += unit.weight() * unit.levels().get(objective) / (double) SealLevel.MAX * result.weights().get(objective);
        }
        return weights == 0 ? 0 : SovereigntyScorer.round(total / weights, 1);
    }

    private static List<Unit> units(List<ItemResult> items, Map<SovereigntyObjective, Integer> weights) {
        List<Unit> units = new ArrayList<>();
        List<ItemResult> unowned = new ArrayList<>();
        Map<String, List<ItemResult>> librariesOf = new HashMap<>();
        for (ItemResult item : items) {
            if (item.library()) {
                item.partOf().forEach(owner -> librariesOf.computeIfAbsent(owner, id -> new ArrayList<>()).add(item));
                if (item.partOf().isEmpty()) {
                    unowned.add(item);
                }
            }
        }
        for (ItemResult item : items) {
            if (!item.library()) {
                units.add(unit(item, librariesOf.getOrDefault(item.id(), List.of()), weights));
            }
        }
        if (!unowned.isEmpty()) {
            units.add(librariesUnit(unowned, weights));
        }
        return units;
    }

    private static Unit unit(ItemResult item, List<ItemResult> own, Map<SovereigntyObjective, Integer> weights) {
        int weight = AggregationWeight.of(item.criticality());
        boolean retired = item.plan().disposition() == Disposition.RETIRE;
        AlternativeOption chosen = item.plan().chosen();
        LibraryRollUp libraries = item.libraries();
        if (libraries == null) {
            return new Unit(weight, item.assessment().levels(), item.assessment().score(), item.assessment().confidence(), retired,
                    chosen == null ? item.assessment().levels() : chosen.levelsAfter(),
                    chosen == null ? item.assessment().score() : chosen.scoreAfter());
        }
        Map<SovereigntyObjective, Integer> levels = Libraries.counted(item);
        double confidence = SovereigntyScorer.round((item.assessment().confidence() + libraries.confidence()) / 2, 2);
        if (chosen != null) {
            return new Unit(weight, levels, SovereigntyScorer.score(levels, weights), confidence, retired, chosen.levelsAfter(),
                    chosen.scoreAfter());
        }
        Map<SovereigntyObjective, Integer> projected = Libraries.weakest(item.assessment().levels(), projectedLevels(own));
        return new Unit(weight, levels, SovereigntyScorer.score(levels, weights), confidence, retired, projected,
                SovereigntyScorer.score(projected, weights));
    }

    private static Unit librariesUnit(List<ItemResult> libraries, Map<SovereigntyObjective, Integer> weights) {
        LibraryRollUp rollUp = Libraries.rollUp(libraries);
        Map<SovereigntyObjective, Integer> projected = projectedLevels(libraries);
        return new Unit(AggregationWeight.of(Criticality.MEDIUM), rollUp.levels(), SovereigntyScorer.score(rollUp.levels(), weights),
                rollUp.confidence(), false, projected, SovereigntyScorer.score(projected, weights));
    }

    /** The weakest level of libraries once their plans are done: a switched one with its option, a retired one gone. */
    private static Map<SovereigntyObjective, Integer> projectedLevels(List<ItemResult> libraries) {
        Map<SovereigntyObjective, Integer> levels = SovereigntyScorer.topLevels();
        for (ItemResult library : libraries) {
            if (library.plan().disposition() == Disposition.RETIRE) {
                continue;
            }
            AlternativeOption chosen = library.plan().chosen();
            (chosen == null ? Libraries.ruleLevels(library.assessment()) : chosen.levelsAfter())
                    .forEach((objective, level) -> levels.merge(objective, level, Math::min));
        }
        return levels;
    }
}

package eu.sovereignstack.assessment.engine;

import eu.sovereignstack.catalog.contract.Health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.engine.FactsAssembler.Candidate;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.rules.FitWeight;
import eu.sovereignstack.assessment.engine.rules.RankingWeight;
import eu.sovereignstack.assessment.engine.rules.ReleaseAge;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolvedProduct;

/**
 * Ranks the ways out of an item, each already scored as the organisation would use it after the
 * switch: only options that gain count, ranked by the {@link RankingWeight} table, best first.
 */
final class AlternativeRanker {

    private AlternativeRanker() {
    }

    /** A candidate with its score after the switch. */
    record Scored(Candidate candidate, ItemScore score) {
    }

    static List<AlternativeOption> rank(ResolvedProduct current, ItemScore now, List<Scored> candidates, LocalDate today) {
        return candidates.stream()
                .map(scored -> option(current, now, scored, today))
                .filter(option -> option.gain() > 0)
                .sorted(Comparator.comparingDouble(AlternativeOption::rank).reversed()
                        .thenComparing(AlternativeOption::product))
                .limit(RankingWeight.KEPT)
                .toList();
    }

    private static AlternativeOption option(ResolvedProduct current, ItemScore now, Scored scored, LocalDate today) {
        ProductView product = scored.candidate().product().product();
        String fit = scored.candidate().fit();
        Deployment target = scored.candidate().target();
        ItemScore after = scored.score();
        double gain = SovereigntyScorer.round(after.score() - now.score(), 1);
        double overlap = overlap(current.product().standards(), product.standards());
        double health = health(product, today);
        double rank = 0;
        for (RankingWeight term : RankingWeight.values()) {
            rank += switch (term) {
                case SOVEREIGNTY_GAIN -> term.weight() * Math.max(0, gain) / 100;
                case FIT -> term.weight() * FitWeight.of(fit);
                case STANDARDS_OVERLAP -> term.weight() * overlap;
                case HEALTH -> term.weight() * health;
            };
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(switch (fit) {
            case "SAME_PRODUCT" -> "keeps " + product.name() + ", " + (target.model() == DeploymentModel.MANAGED
                    ? "run by " + target.provider() + " (" + target.providerCountry() + ")"
                    : "self-hosted");
            case "FULL" -> "the catalog lists it as a full alternative";
            case "PARTIAL" -> "the catalog lists it as a partial alternative";
            default -> "an open-source product of the same category";
        });
        reasons.add(String.format(Locale.ROOT, "score %.1f -> %.1f (%+.1f), SEAL %d -> %d", now.score(), after.score(),
                gain, now.seal(), after.seal()));
        if (overlap > 0) {
            reasons.add(String.format(Locale.ROOT, "%.0f%% of the open standards in common", overlap * 100));
        }
        if (!"SAME_PRODUCT".equals(fit) && target.model() == DeploymentModel.MANAGED) {
            reasons.add("offered in the EU by " + target.provider());
        }
        return new AlternativeOption(product.slug(), product.name(), fit, target, after.score(), after.seal(), after.levels(), gain,
                SovereigntyScorer.round(overlap, 2), SovereigntyScorer.round(health, 2), SovereigntyScorer.round(rank, 3),
                product.licence(), reasons);
    }

    /** Shared standards over all standards of the two; 0 when either's are unknown or none. */
    static double overlap(List<String> current, List<String> candidate) {
        if (current == null || candidate == null || current.isEmpty() || candidate.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(current);
        union.addAll(candidate);
        Set<String> common = new HashSet<>(current);
        common.retainAll(new HashSet<>(candidate));
        return (double) common.size() / union.size();
    }

    /** The mean of the release age's and the Scorecard's health, of those known ({@link ReleaseAge}). */
    static double health(ProductView product, LocalDate today) {
        Health health = product.health();
        if (health == null || (health.latestReleaseDate() == null && health.scorecardScore() == null)) {
            return ReleaseAge.UNKNOWN_HEALTH;
        }
        List<Double> parts = new ArrayList<>();
        if (health.latestReleaseDate() != null) {
            parts.add(ReleaseAge.health(health.latestReleaseDate(), today));
        }
        if (health.scorecardScore() != null) {
            parts.add(health.scorecardScore().doubleValue() / 10);
        }
        return parts.stream().mapToDouble(Double::doubleValue).average().orElse(ReleaseAge.UNKNOWN_HEALTH);
    }
}

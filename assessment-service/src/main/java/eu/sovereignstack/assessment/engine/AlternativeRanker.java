package eu.sovereignstack.assessment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.engine.FactsAssembler.Candidate;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.rules.FitWeight;
import eu.sovereignstack.assessment.engine.rules.RankingWeight;
import eu.sovereignstack.assessment.engine.rules.ReleaseAge;
import eu.sovereignstack.catalog.contract.Delivery;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Health;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolvedProduct;

/**
 * Ranks the ways out of an item, each already scored as the organisation would use it after the
 * switch. Only options that gain count. The order is sovereignty first: a higher SEAL level after
 * the switch always ranks above a lower one; options of the same level are ordered by the
 * {@link RankingWeight} table (gain, fit, shared standards, health). An open product that can be
 * run both in house and by an EU provider is scored both ways; its better way is its option and
 * the other is named in its reasons.
 */
final class AlternativeRanker {

    /**
     * Sovereignty first, then what is delivered as the item is (a shared service, or software on
     * each device), then the ranking score; the slug and the way it runs make the order total.
     */
    static final Comparator<AlternativeOption> ORDER = Comparator.comparingInt(AlternativeOption::sealAfter).reversed()
            .thenComparing(AlternativeOption::changesDelivery)
            .thenComparing(Comparator.comparingDouble(AlternativeOption::rank).reversed())
            .thenComparing(AlternativeOption::product)
            .thenComparing(option -> option.deployment().model());

    private AlternativeRanker() {
    }

    /** A candidate with its score after the switch. */
    record Scored(Candidate candidate, ItemScore score) {
    }

    /**
     * The options shown, best first: every alternative the catalog states (and the same product run
     * elsewhere), at most {@link RankingWeight#SHOWN}, and the best open products of the same
     * category when the catalog states fewer than {@link RankingWeight#KEPT}, up to that many (nobody
     * has checked that those replace the item); and every way out that gains, each way of each
     * product, which the policy gate searches.
     */
    record Ranking(List<AlternativeOption> shown, List<AlternativeOption> all) {
    }

    /** {@code used}: how the organisation runs the item today. */
    static Ranking rank(ResolvedProduct current, DeploymentModel used, ItemScore now, List<Scored> candidates, LocalDate today) {
        Delivery delivered = delivery(current.product(), used);
        List<AlternativeOption> all = candidates.stream()
                .map(scored -> option(current, delivered, now, scored, today))
                .filter(option -> option.gain() > 0)
                .sorted(ORDER)
                .toList();
        Map<String, List<AlternativeOption>> ways = new LinkedHashMap<>();
        all.forEach(option -> ways.computeIfAbsent(option.product(), slug -> new ArrayList<>()).add(option));
        List<AlternativeOption> stated = new ArrayList<>();
        List<AlternativeOption> sameCategory = new ArrayList<>();
        for (List<AlternativeOption> productWays : ways.values()) {
            AlternativeOption best = productWays.size() == 1 ? productWays.get(0) : withOtherWay(productWays.get(0), productWays.get(1));
            (FitWeight.SAME_CATEGORY.name().equals(best.fit()) ? sameCategory : stated).add(best);
        }
        List<AlternativeOption> shown = new ArrayList<>(stated.subList(0, Math.min(stated.size(), RankingWeight.SHOWN)));
        shown.addAll(sameCategory.subList(0, Math.max(0, Math.min(sameCategory.size(), RankingWeight.KEPT - shown.size()))));
        shown.sort(ORDER);
        return new Ranking(List.copyOf(shown), all);
    }

    /** The best way to run a product, naming the other way it was scored. */
    private static AlternativeOption withOtherWay(AlternativeOption best, AlternativeOption other) {
        List<String> reasons = new ArrayList<>(best.reasons());
        reasons.add(String.format(Locale.ROOT, "%s instead: score %.1f, SEAL %d", way(other.deployment()), other.scoreAfter(),
                other.sealAfter()));
        return new AlternativeOption(best.product(), best.name(), best.fit(), best.deployment(), best.scoreAfter(), best.sealAfter(),
                best.levelsAfter(), best.gain(), best.standardsOverlap(), best.health(), best.rank(), best.changesDelivery(),
                best.licence(), List.copyOf(reasons));
    }

    private static String way(Deployment deployment) {
        return switch (deployment.model()) {
            case MANAGED -> "run by " + deployment.provider() + " (" + deployment.providerCountry() + ")";
            case SAAS -> "used as a service";
            case SELF_HOSTED -> "self-hosted";
        };
    }

    private static AlternativeOption option(ResolvedProduct current, Delivery delivered, ItemScore now, Scored scored,
            LocalDate today) {
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
        String notes = scored.candidate().notes();
        reasons.add(switch (fit) {
            case "SAME_PRODUCT" -> "keeps " + product.name() + ", " + way(target);
            case "FULL" -> "the catalog lists it as a full alternative";
            case "PARTIAL" -> "the catalog lists it as a partial alternative";
            default -> "an open-source product of the same category";
        } + (notes == null || notes.isBlank() ? "" : ": " + notes));
        reasons.add(String.format(Locale.ROOT, "score %.1f -> %.1f (%+.1f), SEAL %d -> %d", now.score(), after.score(),
                gain, now.seal(), after.seal()));
        if (overlap > 0) {
            reasons.add(String.format(Locale.ROOT, "%.0f%% of the open standards in common", overlap * 100));
        }
        Delivery candidateDelivery = delivery(product, target.model());
        boolean changesDelivery = delivered != null && candidateDelivery != null && delivered != candidateDelivery;
        if (changesDelivery) {
            reasons.add(candidateDelivery == Delivery.DEVICE
                    ? "installed on each user's device, where the item is a shared service: it replaces only part of what it does"
                    : "a shared service, where the item is installed on each user's device: it changes how people work");
        }
        if (!"SAME_PRODUCT".equals(fit)) {
            reasons.add(target.model() == DeploymentModel.MANAGED ? "offered in the EU by " + target.provider() : way(target));
        }
        return new AlternativeOption(product.slug(), product.name(), fit, target, after.score(), after.seal(), after.levels(), gain,
                SovereigntyScorer.round(overlap, 2), SovereigntyScorer.round(health, 2), SovereigntyScorer.round(rank, 3),
                changesDelivery, product.licence(), reasons);
    }

    /**
     * How a product reaches its users as it is run: a service, or software someone runs for the
     * organisation, is a shared service ({@link Delivery#SERVER}); software run in house is
     * delivered as the catalog says; null when it does not say.
     */
    static Delivery delivery(ProductView product, DeploymentModel model) {
        if (product.kind() == ProductKind.SERVICE || model != DeploymentModel.SELF_HOSTED) {
            return Delivery.SERVER;
        }
        return product.delivery();
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

package eu.sovereignstack.assessment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.sovereignstack.assessment.client.CatalogProduct;
import eu.sovereignstack.assessment.client.ResolvedProduct;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.DeploymentModel;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;

/**
 * Ranks the ways out for an item: the catalog's "alternative to" relations, open products of
 * the same category, and the same product run by an EU provider or self-hosted. Each option is
 * scored as the organisation would use it after the switch; only options that gain count.
 *
 * <p>Rank = 0.40 sovereignty gain + 0.25 fit + 0.20 standards overlap + 0.15 health.
 */
final class AlternativeRanker {

    static final int KEPT = 5;
    private static final Map<String, Double> FIT = Map.of("FULL", 1.0, "SAME_PRODUCT", 1.0, "PARTIAL", 0.6,
            "SAME_CATEGORY", 0.4);

    private final FactsAssembler facts;
    private final ScoringProfile profile;

    AlternativeRanker(FactsAssembler facts, ScoringProfile profile) {
        this.facts = facts;
        this.profile = profile;
    }

    List<AlternativeOption> rank(InventoryItem item, ResolvedProduct current, ItemScore now, Map<String, ResolvedProduct> catalog) {
        Map<String, String> candidates = new LinkedHashMap<>();
        current.alternatives().forEach(a -> candidates.putIfAbsent(a.product(), a.fit()));
        current.sameCategory().forEach(slug -> candidates.putIfAbsent(slug, "SAME_CATEGORY"));
        candidates.remove(current.product().slug());

        List<AlternativeOption> options = new ArrayList<>();
        sameProductElsewhere(item, current, now).ifPresent(options::add);
        candidates.forEach((slug, fit) -> {
            ResolvedProduct candidate = catalog.get(slug);
            if (candidate != null) {
                Deployment target = FactsAssembler.targetDeployment(item, candidate);
                options.add(option(candidate, fit, target, facts.afterSwitch(item, candidate), now, current));
            }
        });
        return options.stream()
                .filter(option -> option.gain() > 0)
                .sorted(Comparator.comparingDouble(AlternativeOption::rank).reversed()
                        .thenComparing(AlternativeOption::product))
                .limit(KEPT)
                .toList();
    }

    /** An open product operated by others can often stay: run it with an EU provider, or in house. */
    private Optional<AlternativeOption> sameProductElsewhere(InventoryItem item, ResolvedProduct current, ItemScore now) {
        if (!current.product().openSource() || current.product().isService()
                || item.deployment().model() == DeploymentModel.SELF_HOSTED) {
            return Optional.empty();
        }
        Deployment target = FactsAssembler.bestEuOffering(current)
                .map(o -> new Deployment(DeploymentModel.MANAGED, o.providerName(), o.providerCountry(),
                        o.countries().stream().filter(eu.sovereignstack.common.jurisdiction.Jurisdiction::isEuEea).toList()))
                .orElse(Deployment.selfHosted());
        InventoryItem moved = new InventoryItem(item.id(), item.name(), item.slug(), item.purl(), item.version(), item.licence(),
                target, item.users(), item.dataClassification(), item.criticality(), item.usage(), item.dependsOn());
        return Optional.of(option(current, "SAME_PRODUCT", target, facts.current(moved, Optional.of(current)), now, current));
    }

    private AlternativeOption option(ResolvedProduct candidate, String fit, Deployment target,
            eu.sovereignstack.assessment.engine.model.ItemFacts after, ItemScore now, ResolvedProduct current) {
        ItemScore scored = SovereigntyScorer.score(after, profile);
        double gain = SovereigntyScorer.round(scored.score() - now.score(), 1);
        double overlap = overlap(current.product().standards(), candidate.product().standards());
        double health = health(candidate.product());
        double fitWeight = FIT.getOrDefault(fit, 0.4);
        double rank = SovereigntyScorer.round(0.40 * Math.max(0, gain) / 100 + 0.25 * fitWeight + 0.20 * overlap + 0.15 * health, 3);
        List<String> reasons = new ArrayList<>();
        reasons.add(switch (fit) {
            case "SAME_PRODUCT" -> "keeps " + candidate.product().name() + ", " + (target.model() == DeploymentModel.MANAGED
                    ? "run by " + target.provider() + " (" + target.providerCountry() + ")"
                    : "self-hosted");
            case "FULL" -> "the catalog lists it as a full alternative";
            case "PARTIAL" -> "the catalog lists it as a partial alternative";
            default -> "an open-source product of the same category";
        });
        reasons.add(String.format(java.util.Locale.ROOT, "score %.1f -> %.1f (%+.1f), SEAL %d -> %d", now.score(), scored.score(),
                gain, now.seal(), scored.seal()));
        if (overlap > 0) {
            reasons.add(String.format(java.util.Locale.ROOT, "%.0f%% of the open standards in common", overlap * 100));
        }
        if (!"SAME_PRODUCT".equals(fit) && target.model() == DeploymentModel.MANAGED) {
            reasons.add("offered in the EU by " + target.provider());
        }
        return new AlternativeOption(candidate.product().slug(), candidate.product().name(), fit, target, scored.score(),
                scored.seal(), scored.levels(), gain, SovereigntyScorer.round(overlap, 2), SovereigntyScorer.round(health, 2), rank,
                candidate.product().licence(), reasons);
    }

    static double overlap(List<String> current, List<String> candidate) {
        if (current.isEmpty() || candidate.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(current);
        union.addAll(candidate);
        Set<String> common = new HashSet<>(current);
        common.retainAll(new HashSet<>(candidate));
        return (double) common.size() / union.size();
    }

    /** Recent releases and a good Scorecard score; 0.5 when nothing is known. */
    static double health(CatalogProduct product) {
        CatalogProduct.Health health = product.health();
        if (health == null || (health.latestReleaseDate() == null && health.scorecardScore() == null)) {
            return 0.5;
        }
        List<Double> parts = new ArrayList<>();
        if (health.latestReleaseDate() != null) {
            LocalDate released = health.latestReleaseDate();
            LocalDate today = LocalDate.now();
            parts.add(released.isAfter(today.minusMonths(12)) ? 1.0 : released.isAfter(today.minusMonths(24)) ? 0.5 : 0.1);
        }
        if (health.scorecardScore() != null) {
            parts.add(health.scorecardScore().doubleValue() / 10);
        }
        return parts.stream().mapToDouble(Double::doubleValue).average().orElse(0.5);
    }
}

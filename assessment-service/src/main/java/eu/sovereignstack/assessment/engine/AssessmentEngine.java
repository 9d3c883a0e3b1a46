package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.sovereignstack.assessment.client.ResolveResult;
import eu.sovereignstack.assessment.client.ResolvedProduct;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.licence.StackComponent;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemMisses;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.OrganisationResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.PolicyGate;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.PolicyMiss;
import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.Effort;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.ItemPlan;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.LicenceIssue;
import eu.sovereignstack.assessment.engine.model.MigrationWave;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * From an inventory and the catalog's answer to a complete result: scores, findings, ranked
 * alternatives, dispositions and efforts, migration waves, the licence check of the target
 * stack, the projected score and the policy gate. No I/O: everything it needs is passed in.
 */
public final class AssessmentEngine {

    private final SpdxLicences licences;
    private final LicenceCheck licenceCheck;

    public AssessmentEngine(SpdxLicences licences, LicenceCheck licenceCheck) {
        this.licences = licences;
        this.licenceCheck = licenceCheck;
    }

    /** Rejects a dependsOn graph without an order before anything else is done. */
    public static void checkOrder(Inventory inventory) {
        WavePlanner.plan(inventory.items().stream()
                .map(item -> new WavePlanner.Node(item.id(), item.dependsOn(), null))
                .toList());
    }

    public AssessmentResult assess(Inventory inventory, ScoringProfile profile, Policy policy, double threshold,
            ResolveResult catalog) {
        FactsAssembler assembler = new FactsAssembler(licences);
        AlternativeRanker ranker = new AlternativeRanker(assembler, profile);
        Map<String, ResolveResult.Match> matches = new HashMap<>();
        catalog.matches().forEach(match -> matches.put(match.ref(), match));
        Map<String, Integer> dependents = dependents(inventory);

        List<ItemResult> items = new ArrayList<>();
        for (InventoryItem item : inventory.items()) {
            ResolveResult.Match match = matches.get(item.id());
            Optional<ResolvedProduct> product = Optional.ofNullable(match == null || match.product() == null
                    ? null : catalog.products().get(match.product()));
            ItemFacts facts = assembler.current(item, product);
            ItemScore score = SovereigntyScorer.score(facts, profile);
            List<AlternativeOption> options = product.map(p -> ranker.rank(item, p, score, catalog.products())).orElse(List.of());
            ItemPlan plan = plan(item, product, score, options, threshold, dependents.getOrDefault(item.id(), 0));
            items.add(new ItemResult(item.id(), item.name(), product.map(p -> p.product().slug()).orElse(null),
                    product.isPresent() ? match.matchedBy() : "NONE", item.deployment(), item.criticality(),
                    item.dataClassification(), item.usage(),
                    product.map(p -> p.product().licence()).orElse(item.licence()), item.dependsOn(), score, plan));
        }

        List<MigrationWave> waves = WavePlanner.plan(items.stream()
                .map(item -> new WavePlanner.Node(item.id(), item.dependsOn(), item.plan().disposition().migrates()
                        ? new MigrationWave.WaveItem(item.id(), item.name(), item.plan().disposition(), item.plan().effort(),
                                item.plan().chosen() == null ? null : item.plan().chosen().product(),
                                item.plan().chosen() == null ? 0 : item.plan().chosen().gain())
                        : null))
                .toList());
        List<LicenceIssue> licenceIssues = licenceCheck.check(items.stream()
                .filter(item -> item.plan().disposition() != Disposition.RETIRE)
                .map(item -> new StackComponent(item.id(), targetName(item), targetLicence(item), item.usage(), item.dependsOn()))
                .toList());
        OrganisationResult organisation = organisation(inventory, items);
        return new AssessmentResult(profile.id(), profile.weights(), threshold, organisation, items, waves, licenceIssues,
                gate(policy, organisation, items));
    }

    /**
     * Disposition first (retire unused, retain what is good enough or has no better way out,
     * move an open product elsewhere, else switch product), then effort from the disposition,
     * one size up for each of: many users, very many users, critical, sensitive data, three or
     * more items depending on it.
     */
    static ItemPlan plan(InventoryItem item, Optional<ResolvedProduct> product, ItemScore score, List<AlternativeOption> options,
            double threshold, int dependents) {
        List<String> reasons = new ArrayList<>();
        Disposition disposition;
        AlternativeOption chosen = null;
        if (item.users() != null && item.users() == 0) {
            disposition = Disposition.RETIRE;
            reasons.add("nobody uses it");
        } else if (score.score() >= threshold) {
            disposition = Disposition.RETAIN;
            reasons.add(String.format(java.util.Locale.ROOT, "scores %.1f, at or above the threshold %.0f", score.score(), threshold));
        } else if (product.isEmpty()) {
            disposition = Disposition.RETAIN;
            reasons.add("not in the catalog, so no alternative can be proposed; add it to the catalog or assess it by hand");
        } else if (options.isEmpty()) {
            disposition = Disposition.RETAIN;
            reasons.add("the catalog knows no alternative that would score higher");
        } else {
            chosen = options.get(0);
            disposition = switch (chosen.fit()) {
                case "SAME_PRODUCT" -> chosen.deployment().model() == eu.sovereignstack.assessment.domain.DeploymentModel.MANAGED
                        ? Disposition.REPLATFORM : Disposition.REHOST;
                case "FULL" -> Disposition.REPURCHASE;
                default -> Disposition.REFACTOR;
            };
            reasons.add(String.format(java.util.Locale.ROOT, "scores %.1f, below the threshold %.0f", score.score(), threshold));
            reasons.add("best option: " + chosen.name() + " (" + String.join("; ", chosen.reasons()) + ")");
        }
        Effort effort = disposition.baseEffort();
        if (effort != null) {
            effort = adjust(effort, item.users() != null && item.users() > 1_000, "more than 1,000 users", reasons);
            effort = adjust(effort, item.users() != null && item.users() > 10_000, "more than 10,000 users", reasons);
            effort = adjust(effort, item.criticality() == eu.sovereignstack.assessment.domain.Criticality.CRITICAL,
                    "business critical", reasons);
            effort = adjust(effort, item.dataClassification().sensitive(), "holds " + item.dataClassification().name().toLowerCase(
                    java.util.Locale.ROOT) + " data", reasons);
            effort = adjust(effort, dependents >= 3, dependents + " items depend on it", reasons);
        }
        return new ItemPlan(disposition, effort, effort == null ? 0 : effort.points(), reasons, options, chosen);
    }

    private static Effort adjust(Effort effort, boolean condition, String why, List<String> reasons) {
        if (!condition) {
            return effort;
        }
        reasons.add("effort up: " + why);
        return effort.larger();
    }

    private static Map<String, Integer> dependents(Inventory inventory) {
        Map<String, Integer> counts = new HashMap<>();
        inventory.items().forEach(item -> new HashSet<>(item.dependsOn()).forEach(id -> counts.merge(id, 1, Integer::sum)));
        return counts;
    }

    private static String targetName(ItemResult item) {
        AlternativeOption chosen = item.plan().chosen();
        return chosen == null ? item.name() : chosen.name();
    }

    private static String targetLicence(ItemResult item) {
        AlternativeOption chosen = item.plan().chosen();
        return chosen == null ? item.licence() : chosen.licence();
    }

    private static OrganisationResult organisation(Inventory inventory, List<ItemResult> items) {
        double weights = 0;
        double score = 0;
        double projected = 0;
        double confidence = 0;
        double projectedWeights = 0;
        Map<SovereigntyObjective, Integer> levels = maxLevels();
        Map<SovereigntyObjective, Integer> projectedLevels = maxLevels();
        int unknown = 0;
        for (ItemResult item : items) {
            int weight = item.criticality().weight();
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
        return new OrganisationResult(inventory.organisation().name(), inventory.organisation().sector(),
                SovereigntyScorer.round(score / weights, 1), SovereigntyScorer.weakest(levels), levels,
                SovereigntyScorer.round(confidence / weights, 2), items.size(), unknown,
                projectedWeights == 0 ? 0 : SovereigntyScorer.round(projected / projectedWeights, 1),
                SovereigntyScorer.weakest(projectedLevels), projectedLevels);
    }

    private static Map<SovereigntyObjective, Integer> maxLevels() {
        Map<SovereigntyObjective, Integer> levels = new EnumMap<>(SovereigntyObjective.class);
        for (SovereigntyObjective objective : SovereigntyObjective.values()) {
            levels.put(objective, 4);
        }
        return levels;
    }

    private static PolicyGate gate(Policy policy, OrganisationResult organisation, List<ItemResult> items) {
        Map<SovereigntyObjective, Integer> minimum = policy.minimumSeal();
        List<PolicyMiss> organisationMisses = misses(minimum, organisation.levels());
        List<ItemMisses> itemMisses = new ArrayList<>();
        for (ItemResult item : items) {
            List<PolicyMiss> misses = misses(minimum, item.assessment().levels());
            if (!misses.isEmpty()) {
                List<String> meeting = item.plan().alternatives().stream()
                        .filter(option -> misses(minimum, option.levelsAfter()).isEmpty())
                        .map(AlternativeOption::product)
                        .toList();
                itemMisses.add(new ItemMisses(item.id(), item.name(), misses, meeting));
            }
        }
        return new PolicyGate(minimum, organisationMisses.isEmpty() && itemMisses.isEmpty(), organisationMisses, itemMisses);
    }

    private static List<PolicyMiss> misses(Map<SovereigntyObjective, Integer> minimum, Map<SovereigntyObjective, Integer> levels) {
        Set<SovereigntyObjective> ordered = new java.util.TreeSet<>(minimum.keySet());
        List<PolicyMiss> misses = new ArrayList<>();
        for (SovereigntyObjective objective : ordered) {
            int level = levels.getOrDefault(objective, 0);
            if (level < minimum.get(objective)) {
                misses.add(new PolicyMiss(objective, level, minimum.get(objective)));
            }
        }
        return misses;
    }
}

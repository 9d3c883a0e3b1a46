package eu.sovereignstack.assessment.engine;

import eu.sovereignstack.catalog.contract.MatchedBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.AlternativeRanker.Scored;
import eu.sovereignstack.assessment.engine.FactsAssembler.Situation;
import eu.sovereignstack.assessment.engine.licence.LicenceCheck;
import eu.sovereignstack.assessment.engine.licence.StackComponent;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.AssessmentResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.OrganisationResult;
import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.ItemPlan;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.model.LicenceIssue;
import eu.sovereignstack.assessment.engine.model.MigrationWave;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.engine.rules.PlanCase;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.catalog.contract.ResolvedProduct;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * From an inventory and the catalog's answer to a complete result. No I/O, no framework:
 * everything it needs is passed in. Each item goes once through each step, in this order:
 * <ol>
 * <li>facts ({@link FactsAssembler}): the item as used today and every way out of it;</li>
 * <li>scores ({@link SovereigntyScorer}): the rule tables applied to each of those;</li>
 * <li>ranking ({@link AlternativeRanker}) and plan ({@link ItemPlanner});</li>
 * </ol>
 * then, for all items together, the libraries' part in what depends on them ({@link Libraries}),
 * the migration waves ({@link WavePlanner}), the licence check of the target stack
 * ({@link LicenceCheck}), the organisation's scores ({@link Aggregation}) and the policy gate
 * ({@link PolicyCheck}). Those steps read only a digest of each item ({@link ItemResult#digest()}),
 * so a large inventory need not hold its items' results whole: they are computed again, one at a
 * time, when they are read ({@link #compute}).
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

    /**
     * The result for an inventory, given the catalog's answer for it; {@code today} is the day the
     * facts are judged on (how old a release is), so the same inputs always give the same result.
     */
    public AssessmentResult assess(Inventory inventory, ScoringProfile profile, Policy policy, double threshold,
            ResolveResult catalog, LocalDate today, String member) {
        return assess(inventory, profile, policy, threshold, catalog, today, member, phase -> { });
    }

    /** What an assessment has done so far, told as each phase ends: {@code score} (every item), then {@code plan}. */
    @FunctionalInterface
    public interface Phases {
        void ended(String phase);
    }

    /** {@link #assess(Inventory, ScoringProfile, Policy, double, ResolveResult, LocalDate, String)}, telling {@code phases}. */
    public AssessmentResult assess(Inventory inventory, ScoringProfile profile, Policy policy, double threshold,
            ResolveResult catalog, LocalDate today, String member, Phases phases) {
        return compute(inventory, profile, policy, threshold, catalog, today, member, phases, Integer.MAX_VALUE).whole();
    }

    /**
     * The result without its items, and the items to be read once, in order. Up to
     * {@code keepAtMost} items are computed once and kept; a larger inventory is computed in two
     * passes that keep only what the whole-estate steps read of each item ({@link ItemResult#digest()}):
     * the first gives those steps their input, the second computes each item again, whole, as it is read.
     * Both give the same result; the second holds a fraction of the memory.
     */
    public Computed compute(Inventory inventory, ScoringProfile profile, Policy policy, double threshold,
            ResolveResult catalog, LocalDate today, String member, Phases phases, int keepAtMost) {
        ItemAssessor assessor = new ItemAssessor(inventory, profile, threshold, catalog, today, member);
        boolean keep = inventory.items().size() <= keepAtMost;
        List<ItemResult> items = new ArrayList<>(inventory.items().size());
        Map<String, List<AlternativeOption>> everyOption = new HashMap<>();
        for (InventoryItem item : inventory.items()) {
            ItemResult result = assessor.assess(item, everyOption);
            if (!keep) {
                // The policy gate reads an option's product and levels only.
                everyOption.computeIfPresent(item.id(), (id, options) -> options.stream().map(AlternativeOption::withoutReasons).toList());
            }
            items.add(keep ? result : result.digest());
        }
        List<ItemResult> rolledUp = Libraries.rolledUp(items);
        phases.ended("score");

        List<MigrationWave> waves = WavePlanner.plan(rolledUp.stream()
                .map(item -> new WavePlanner.Node(item.id(), item.dependsOn(), item.plan().disposition().migrates()
                        ? new MigrationWave.WaveItem(item.id(), item.name(), item.plan().disposition(), item.plan().effort(),
                                item.plan().chosen() == null ? null : item.plan().chosen().product(),
                                item.plan().chosen() == null ? 0 : item.plan().chosen().gain())
                        : null))
                .toList());
        List<LicenceIssue> licenceIssues = licenceCheck.check(rolledUp.stream()
                .filter(item -> item.plan().disposition() != Disposition.RETIRE)
                .map(item -> new StackComponent(item.id(), targetName(item), targetLicence(item), item.usage(), item.dependsOn()))
                .toList());
        OrganisationResult organisation = Aggregation.organisation(inventory.organisation(), rolledUp, profile.weights());
        AssessmentResult summary = new AssessmentResult(profile.id(), RulesVersion.of(profile.weights()), today, profile.weights(),
                threshold, organisation, List.of(), waves, licenceIssues, PolicyCheck.gate(policy, organisation, rolledUp, everyOption));
        phases.ended("plan");
        if (keep) {
            return new Computed(summary, rolledUp.size(), rolledUp::forEach);
        }
        return new Computed(summary, rolledUp.size(), sink -> {
            for (int i = 0; i < rolledUp.size(); i++) {
                ItemResult rolled = rolledUp.get(i);
                sink.accept(assessor.assess(inventory.items().get(i), null).withLibraries(rolled.partOf(), rolled.libraries()));
            }
        });
    }

    /**
     * A computed assessment: its result without items ({@code summary}, whose items list is
     * empty), how many items it has, and the items, in the result's order.
     */
    public record Computed(AssessmentResult summary, int itemCount, Items items) {

        /** The result with its items, all read into memory. */
        public AssessmentResult whole() {
            List<ItemResult> all = new ArrayList<>(itemCount);
            items.forEach(all::add);
            return summary.withItems(all);
        }
    }

    /** The items of a result, given one at a time, in order; each call gives them all again. */
    @FunctionalInterface
    public interface Items {
        void forEach(Consumer<ItemResult> sink);
    }

    /** One item from its facts to its plan: what every item goes through alone, before the whole-estate steps. */
    private final class ItemAssessor {

        private final FactsAssembler facts;
        private final Map<String, ResolvedProduct> products;
        private final Map<String, ResolveResult.Match> matches = new HashMap<>();
        private final Map<String, Integer> dependents;
        private final ScoringProfile profile;
        private final double threshold;
        private final LocalDate today;

        ItemAssessor(Inventory inventory, ScoringProfile profile, double threshold, ResolveResult catalog, LocalDate today,
                String member) {
            this.facts = new FactsAssembler(licences, today, inventory.organisation().energy());
            this.products = FactsAssembler.asRun(AssertionPrecedence.apply(catalog.products(), member));
            catalog.matches().forEach(match -> matches.put(match.ref(), match));
            this.dependents = dependents(inventory);
            this.profile = profile;
            this.threshold = threshold;
            this.today = today;
        }

        /** The item's result, without what its libraries add; its every option goes into {@code everyOption} when given. */
        ItemResult assess(InventoryItem item, Map<String, List<AlternativeOption>> everyOption) {
            ResolveResult.Match match = matches.get(item.id());
            Optional<ResolvedProduct> product = Optional.ofNullable(match == null || match.product() == null
                    ? null : products.get(match.product()));

            Situation situation = facts.situation(item, product, products);
            ItemScore score = SovereigntyScorer.score(situation.current(), profile);
            List<Scored> candidates = situation.candidates().stream()
                    .map(candidate -> new Scored(candidate, SovereigntyScorer.score(candidate.facts(), profile)))
                    .toList();
            AlternativeRanker.Ranking ranking = product.map(p -> AlternativeRanker.rank(p, item.deployment().model(), score, candidates, today))
                    .orElse(new AlternativeRanker.Ranking(List.of(), List.of()));
            if (everyOption != null && !ranking.all().isEmpty()) {
                everyOption.put(item.id(), ranking.all());
            }
            ItemPlan plan = ItemPlanner.plan(new PlanCase(item, product.isPresent(), score, ranking.shown(), threshold,
                    dependents.getOrDefault(item.id(), 0)));

            return new ItemResult(item.id(), item.name(), product.map(p -> p.product().slug()).orElse(null),
                    product.isPresent() ? match.matchedBy().name() : MatchedBy.NONE.name(), item.deployment(), item.criticality(),
                    item.dataClassification(), item.usage(),
                    product.map(p -> p.product().licence()).orElse(item.licence()), item.dependsOn(), score, plan,
                    item.library(), List.of(), null, product.map(p -> p.product().origin()).orElse(null));
        }
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
}

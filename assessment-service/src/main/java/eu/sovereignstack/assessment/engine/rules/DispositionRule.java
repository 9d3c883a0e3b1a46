package eu.sovereignstack.assessment.engine.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.catalog.contract.DeploymentModel;

/**
 * What to do with an item, one row each, in order: the first row whose condition holds decides
 * the disposition and says why. Rows that switch take the best-ranked option.
 */
public enum DispositionRule {

    /** Nobody to migrate: switch it off. */
    UNUSED(Disposition.RETIRE, false, c -> c.item().users() != null && c.item().users() == 0,
            c -> List.of("nobody uses it")),
    /** Sovereign enough for the organisation's threshold: a migration would not pay off. */
    GOOD_ENOUGH(Disposition.RETAIN, false, c -> c.score().score() >= c.threshold(),
            c -> List.of(String.format(Locale.ROOT, "scores %.1f, at or above the threshold %.0f", c.score().score(), c.threshold()))),
    /** Nothing to propose without the catalog's facts. */
    NOT_IN_CATALOG(Disposition.RETAIN, false, c -> !c.inCatalog(),
            c -> List.of("not in the catalog, so no alternative can be proposed; add it to the catalog or assess it by hand")),
    /** Every known way out scores lower or the same. */
    NO_BETTER_OPTION(Disposition.RETAIN, false, c -> c.options().isEmpty(),
            c -> List.of("the catalog knows no alternative that would score higher")),
    /** The same open product, run by an EU provider: a platform change, no product change. */
    SAME_PRODUCT_MANAGED(Disposition.REPLATFORM, true,
            c -> "SAME_PRODUCT".equals(c.best().fit()) && c.best().deployment().model() == DeploymentModel.MANAGED,
            DispositionRule::switchReasons),
    /** The same open product, run in house: only where it runs changes. */
    SAME_PRODUCT_SELF_HOSTED(Disposition.REHOST, true, c -> "SAME_PRODUCT".equals(c.best().fit()), DispositionRule::switchReasons),
    /** A product the catalog says covers the item fully. */
    FULL_ALTERNATIVE(Disposition.REPURCHASE, true, c -> "FULL".equals(c.best().fit()), DispositionRule::switchReasons),
    /** A partial alternative or a product of the same category: integrations and processes change too. */
    OTHER_ALTERNATIVE(Disposition.REFACTOR, true, c -> true, DispositionRule::switchReasons);

    /** The score at or above which an item is retained, unless the assessment asks for another. */
    public static final double DEFAULT_THRESHOLD = 70.0;

    private final Disposition disposition;
    private final boolean switches;
    private final Predicate<PlanCase> condition;
    private final Function<PlanCase, List<String>> reasons;

    DispositionRule(Disposition disposition, boolean switches, Predicate<PlanCase> condition,
            Function<PlanCase, List<String>> reasons) {
        this.disposition = disposition;
        this.switches = switches;
        this.condition = condition;
        this.reasons = reasons;
    }

    /** The first row that holds for the case; the last row always does. */
    public static DispositionRule decide(PlanCase plan) {
        for (DispositionRule rule : values()) {
            if (rule.condition.test(plan)) {
                return rule;
            }
        }
        throw new IllegalStateException("the last disposition rule always applies");
    }

    public Disposition disposition() {
        return disposition;
    }

    /** Whether the item switches to the best-ranked option. */
    public boolean switches() {
        return switches;
    }

    public List<String> reasons(PlanCase plan) {
        return reasons.apply(plan);
    }

    private static List<String> switchReasons(PlanCase c) {
        return List.of(String.format(Locale.ROOT, "scores %.1f, below the threshold %.0f", c.score().score(), c.threshold()),
                "best option: " + c.best().name() + " (" + String.join("; ", c.best().reasons()) + ")");
    }
}

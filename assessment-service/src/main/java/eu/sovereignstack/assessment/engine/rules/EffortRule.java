package eu.sovereignstack.assessment.engine.rules;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.Effort;

/**
 * How hard a migration is: each disposition starts at a base effort ({@link #BASE}), and each row
 * below that holds for the item makes it one size larger (at most EXTRA_LARGE), with its reason.
 */
public enum EffortRule {

    /** More people to train, support and move. */
    MANY_USERS(c -> c.item().users() != null && c.item().users() > 1_000, c -> "more than 1,000 users"),
    /** Counted on top of MANY_USERS: a roll-out in stages. */
    VERY_MANY_USERS(c -> c.item().users() != null && c.item().users() > 10_000, c -> "more than 10,000 users"),
    /** No downtime allowed: parallel running, rehearsals, fallback. */
    BUSINESS_CRITICAL(c -> c.item().criticality() == Criticality.CRITICAL,
            c -> "business critical"),
    /** Moving such data needs protection, approvals and proof of deletion. */
    SENSITIVE_DATA(c -> c.item().dataClassification().sensitive(),
            c -> "holds " + c.item().dataClassification().name().toLowerCase(Locale.ROOT) + " data"),
    /** Everything that depends on it must be reconnected and tested. */
    MANY_DEPENDENTS(c -> c.dependents() >= 3, c -> c.dependents() + " items depend on it");

    /**
     * The effort a disposition starts at: keeping the product is cheapest (REHOST), a managed
     * offering or a full replacement means a data migration (MEDIUM), a partial one more work
     * around it (LARGE); retiring is switching off (SMALL); retaining costs nothing (absent).
     */
    public static final Map<Disposition, Effort> BASE = Map.of(
            Disposition.REHOST, Effort.SMALL,
            Disposition.REPLATFORM, Effort.MEDIUM,
            Disposition.REFACTOR, Effort.LARGE,
            Disposition.REPURCHASE, Effort.MEDIUM,
            Disposition.RETIRE, Effort.SMALL);

    private final Predicate<PlanCase> condition;
    private final Function<PlanCase, String> why;

    EffortRule(Predicate<PlanCase> condition, Function<PlanCase, String> why) {
        this.condition = condition;
        this.why = why;
    }

    public boolean appliesTo(PlanCase plan) {
        return condition.test(plan);
    }

    /** The reason the plan gives, e.g. "effort up: business critical". */
    public String reason(PlanCase plan) {
        return "effort up: " + why.apply(plan);
    }
}

package eu.sovereignstack.assessment.engine.rules;

import static eu.sovereignstack.assessment.engine.model.Severity.HIGH;
import static eu.sovereignstack.assessment.engine.model.Severity.LOW;
import static eu.sovereignstack.assessment.engine.model.Severity.MEDIUM;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_1;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_2;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_3;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_4;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_5;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_6;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_7;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;

/**
 * The scoring rules, one row each: when the condition holds for an item as the organisation
 * uses it, the objective is capped at a SEAL level and the finding explains why. Rows whose
 * facts are unknown are skipped; {@link UnknownFact} caps those objectives instead.
 * The table is the whole policy: change a row to follow a new framework version. A finding's
 * severity can be raised by {@link SeverityEscalation}.
 */
public enum SovereigntyRule {

    // ---- SOV-1 Strategic -------------------------------------------------------------------
    NON_EU_PROPRIETARY_CONTROL("NON_EU_VENDOR_CONTROL", SOV_1, 0, HIGH, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "PROPRIETARY_VENDOR".equals(f.governance()) && !f.stewardEu(),
            f -> f.name() + " is a proprietary product of a vendor based in " + f.stewardCountry()
                    + ": it can be changed, re-priced or withdrawn by decisions taken outside the EU."),
    EU_PROPRIETARY_DEPENDENCY("PROPRIETARY_VENDOR_DEPENDENCY", SOV_1, 2, MEDIUM, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "PROPRIETARY_VENDOR".equals(f.governance()) && f.stewardEu(),
            f -> f.name() + " depends on one proprietary vendor (in the EU): nobody else can keep it running if it stops."),
    NON_EU_SINGLE_VENDOR("SINGLE_VENDOR_GOVERNANCE", SOV_1, 2, MEDIUM, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "SINGLE_VENDOR".equals(f.governance()) && !f.stewardEu(),
            f -> f.name() + " is open source, but one company outside the EU (" + f.stewardCountry()
                    + ") controls its development and could change its licence or direction."),
    EU_SINGLE_VENDOR("SINGLE_VENDOR_GOVERNANCE", SOV_1, 3, LOW, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "SINGLE_VENDOR".equals(f.governance()) && f.stewardEu(),
            f -> f.name() + " is open source, but one company controls its development."),
    NON_EU_STEWARD("NON_EU_STEWARD", SOV_1, 3, LOW, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> ("FOUNDATION".equals(f.governance()) || "COMMUNITY".equals(f.governance())) && !f.stewardEu(),
            f -> f.name() + " is stewarded outside the EU (" + f.stewardCountry()
                    + "); its open governance protects against a change of control."),

    // ---- SOV-2 Legal and jurisdictional -------------------------------------------------------
    NON_EU_OPERATOR_JURISDICTION("NON_EU_JURISDICTION", SOV_2, 0, HIGH, Set.of(Fact.OPERATOR),
            f -> f.operatedByOthers() && !f.operatorEu(),
            f -> f.name() + " is operated by a company under " + f.operatorCountry()
                    + " law, exposed to non-EU laws with extraterritorial reach (e.g. the US CLOUD Act)."),
    FOREIGN_LICENCE_TERMS("NON_EU_JURISDICTION", SOV_2, 2, MEDIUM, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> !f.operatedByOthers() && "PROPRIETARY_VENDOR".equals(f.governance()) && !f.stewardEu(),
            f -> f.name() + " runs on the organisation's infrastructure, but its licence terms and support are governed by "
                    + f.stewardCountry() + " law."),

    // ---- SOV-3 Data and AI ----------------------------------------------------------------------
    DATA_OUTSIDE_EU("DATA_OUTSIDE_EU", SOV_3, 0, HIGH, Set.of(Fact.DATA_LOCATION),
            f -> f.operatedByOthers() && !f.dataInEu(),
            f -> f.name() + " stores data outside the EU/EEA."),
    FOREIGN_OPERATOR_DATA_ACCESS("FOREIGN_OPERATOR_DATA_ACCESS", SOV_3, 1, HIGH, Set.of(Fact.DATA_LOCATION, Fact.OPERATOR),
            f -> f.operatedByOthers() && f.dataInEu() && !f.operatorEu(),
            f -> f.name() + " keeps data in the EU, but its operator (" + f.operatorCountry()
                    + ") can be compelled to hand it over."),
    PROVIDER_HELD_KEYS("PROVIDER_HELD_KEYS", SOV_3, 3, LOW, Set.of(Fact.DATA_LOCATION, Fact.OPERATOR),
            f -> f.operatedByOthers() && f.dataInEu() && f.operatorEu(),
            f -> f.name() + " is run by an EU operator who holds the encryption keys unless customer-held keys are set up."),

    // ---- SOV-4 Operational ------------------------------------------------------------------------
    NO_OPEN_STANDARD_LOCK_IN("NO_OPEN_STANDARD", SOV_4, 1, MEDIUM, Set.of(Fact.STANDARDS),
            f -> f.standards().isEmpty(),
            f -> f.name() + " speaks no open standard or protocol: leaving it means a custom migration (lock-in)."),
    NO_SOURCE_ACCESS("NO_SOURCE_ACCESS", SOV_4, 2, MEDIUM, Set.of(Fact.LICENCE),
            f -> f.proprietary(),
            f -> f.name() + " has no source available: only its vendor can operate, fix or document it in depth."),
    NON_EU_OPERATIONS("NON_EU_OPERATIONS", SOV_4, 1, HIGH, Set.of(Fact.OPERATOR),
            f -> f.operatedByOthers() && !f.operatorEu(),
            f -> f.name() + " is operated and supported from outside the EU (" + f.operatorCountry() + ")."),

    // ---- SOV-5 Supply chain -------------------------------------------------------------------------
    UNKNOWN_COMPONENT("UNKNOWN_COMPONENT", SOV_5, 1, MEDIUM, Set.of(),
            f -> !f.known(),
            f -> f.name() + " is not in the catalog: its origin and suppliers are unknown. Add it to the catalog to score it."),
    NON_EU_SUPPLY_CHAIN("NON_EU_SUPPLY_CHAIN", SOV_5, 0, HIGH, Set.of(Fact.LICENCE, Fact.STEWARD),
            f -> f.proprietary() && !f.stewardEu(),
            f -> f.name() + " can only be obtained from one vendor outside the EU (" + f.stewardCountry() + ")."),
    SINGLE_SOURCE_SUPPLIER("SINGLE_SOURCE_SUPPLIER", SOV_5, 2, MEDIUM, Set.of(Fact.LICENCE, Fact.STEWARD),
            f -> f.proprietary() && f.stewardEu(),
            f -> f.name() + " can only be obtained from its vendor."),
    FEW_INDEPENDENT_PROVIDERS("FEW_INDEPENDENT_PROVIDERS", SOV_5, 2, MEDIUM, Set.of(Fact.LICENCE, Fact.PROVIDERS),
            f -> f.open() && f.operatedByOthers() && f.euProviders() < 2,
            f -> f.name() + " is run for the organisation, and fewer than two independent EU providers offer it."),
    NON_EU_ORIGIN("NON_EU_ORIGIN", SOV_5, 3, LOW, Set.of(Fact.LICENCE, Fact.STEWARD),
            f -> f.open() && !f.stewardEu(),
            f -> f.name() + " is developed mainly outside the EU (" + f.stewardCountry() + "), though anyone may run it."),

    // ---- SOV-6 Technology ---------------------------------------------------------------------------
    PROPRIETARY_LICENCE("PROPRIETARY_LICENCE", SOV_6, 1, HIGH, Set.of(Fact.LICENCE),
            f -> f.proprietary(),
            f -> f.name() + " has a proprietary licence: it cannot be audited, modified or redistributed."),
    NO_OPEN_STANDARD("NO_OPEN_STANDARD", SOV_6, 3, LOW, Set.of(Fact.LICENCE, Fact.STANDARDS),
            f -> f.open() && f.standards().isEmpty(),
            f -> f.name() + " is open source but documents no open standard for its interfaces."),

    // ---- SOV-7 Security and compliance --------------------------------------------------------------
    NO_INDEPENDENT_PATCHING("NO_INDEPENDENT_PATCHING", SOV_7, 2, MEDIUM, Set.of(Fact.LICENCE),
            f -> f.proprietary(),
            f -> f.name() + " can only be patched by its vendor."),
    NO_CERTIFICATION("NO_CERTIFICATION", SOV_7, 2, MEDIUM, Set.of(Fact.CERTIFICATIONS),
            f -> f.operatedByOthers() && f.certifications().isEmpty(),
            f -> f.name() + " is operated by others without a known security certification (ISO 27001, BSI C5, SecNumCloud, EUCS)."),
    STALE_PROJECT("STALE_PROJECT", SOV_7, 1, HIGH, Set.of(Fact.PROJECT_HEALTH),
            f -> f.latestRelease().isBefore(f.asOf().minusMonths(18)),
            f -> f.name() + " has had no release since " + f.latestRelease() + ": security fixes may no longer come."),
    LOW_SCORECARD("LOW_SCORECARD", SOV_7, 2, MEDIUM, Set.of(),
            f -> f.scorecard() != null && f.scorecard() < 5.0,
            f -> f.name() + " has a low OpenSSF Scorecard score (" + f.scorecard() + " of 10).");

    private final String code;
    private final SovereigntyObjective objective;
    private final int cap;
    private final Severity severity;
    private final Set<Fact> needs;
    private final Predicate<ItemFacts> condition;
    private final Function<ItemFacts, String> message;

    SovereigntyRule(String code, SovereigntyObjective objective, int cap, Severity severity, Set<Fact> needs,
            Predicate<ItemFacts> condition, Function<ItemFacts, String> message) {
        this.code = code;
        this.objective = objective;
        this.cap = cap;
        this.severity = severity;
        this.needs = needs.isEmpty() ? EnumSet.noneOf(Fact.class) : EnumSet.copyOf(needs);
        this.condition = condition;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public SovereigntyObjective objective() {
        return objective;
    }

    public int cap() {
        return cap;
    }

    /** The finding this rule makes about the item, if its facts are known and its condition holds. */
    public java.util.Optional<Finding> apply(ItemFacts facts) {
        if (!needs.stream().allMatch(fact -> fact.knownFor(facts)) || !condition.test(facts)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding(code, SeverityEscalation.apply(severity, objective, facts), objective, cap,
                message.apply(facts)));
    }
}

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
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_8;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.FindingFact;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.catalog.contract.KeyCustody;

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
            f -> f.name() + " is a proprietary product of a vendor under " + f.stewardLaw()
                    + " law: it can be changed, re-priced or withdrawn by decisions taken outside the EU."),
    EU_PROPRIETARY_DEPENDENCY("PROPRIETARY_VENDOR_DEPENDENCY", SOV_1, 2, MEDIUM, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "PROPRIETARY_VENDOR".equals(f.governance()) && f.stewardEu(),
            f -> f.name() + " depends on one proprietary vendor (in the EU): nobody else can keep it running if it stops."),
    NON_EU_SINGLE_VENDOR("SINGLE_VENDOR_GOVERNANCE", SOV_1, 2, MEDIUM, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "SINGLE_VENDOR".equals(f.governance()) && !f.stewardEu(),
            f -> f.name() + " is open source, but one company outside the EU (" + f.stewardLaw()
                    + ") controls its development and could change its licence or direction."),
    EU_SINGLE_VENDOR("SINGLE_VENDOR_GOVERNANCE", SOV_1, 3, LOW, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> "SINGLE_VENDOR".equals(f.governance()) && f.stewardEu(),
            f -> f.name() + " is open source, but one company controls its development."),
    NON_EU_STEWARD("NON_EU_STEWARD", SOV_1, 3, LOW, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> ("FOUNDATION".equals(f.governance()) || "COMMUNITY".equals(f.governance())) && !f.stewardEu(),
            f -> f.name() + " is stewarded outside the EU (" + f.stewardLaw()
                    + "); its open governance protects against a change of control."),

    // ---- SOV-2 Legal and jurisdictional -------------------------------------------------------
    NON_EU_OPERATOR_JURISDICTION("NON_EU_JURISDICTION", SOV_2, 0, HIGH, Set.of(Fact.OPERATOR),
            f -> f.operatedByOthers() && !f.operatorEu(),
            f -> f.name() + " is operated by a company under " + f.operatorLaw()
                    + " law, exposed to non-EU laws with extraterritorial reach (e.g. the US CLOUD Act)."),
    FOREIGN_LICENCE_TERMS("NON_EU_JURISDICTION", SOV_2, 2, MEDIUM, Set.of(Fact.GOVERNANCE, Fact.STEWARD),
            f -> !f.operatedByOthers() && "PROPRIETARY_VENDOR".equals(f.governance()) && !f.stewardEu(),
            f -> f.name() + " runs on the organisation's infrastructure, but its licence terms and support are governed by "
                    + f.stewardLaw() + " law."),

    // ---- SOV-3 Data and AI ----------------------------------------------------------------------
    DATA_OUTSIDE_EU("DATA_OUTSIDE_EU", SOV_3, 0, HIGH, Set.of(Fact.DATA_LOCATION),
            f -> f.operatedByOthers() && !f.dataInEu(),
            f -> f.name() + " stores data outside the EU/EEA."),
    FOREIGN_OPERATOR_DATA_ACCESS("FOREIGN_OPERATOR_DATA_ACCESS", SOV_3, 1, HIGH, Set.of(Fact.DATA_LOCATION, Fact.OPERATOR),
            f -> f.operatedByOthers() && f.dataInEu() && !f.operatorEu(),
            f -> f.name() + " keeps data in the EU, but its operator (" + f.operatorLaw()
                    + ") can be compelled to hand it over."),
    PROVIDER_HELD_KEYS("PROVIDER_HELD_KEYS", SOV_3, 2, MEDIUM, Set.of(Fact.KEY_CUSTODY),
            f -> f.operatedByOthers() && f.keyCustody() == KeyCustody.PROVIDER_HELD,
            f -> f.name() + " encrypts data with keys only its operator holds: the operator can read the data and be made "
                    + "to hand it over."),
    CUSTOMER_KEYS_AT_PROVIDER("CUSTOMER_KEYS_AT_PROVIDER", SOV_3, 3, LOW, Set.of(Fact.KEY_CUSTODY),
            f -> f.operatedByOthers() && f.keyCustody() == KeyCustody.CUSTOMER_MANAGED,
            f -> f.name() + " can encrypt with the organisation's own keys, but they are kept in its operator's key service"
                    + (Boolean.TRUE.equals(f.hsm()) ? " (in an HSM)" : "") + "; keys held outside the operator would keep them "
                    + "out of its reach."),

    // ---- SOV-4 Operational ------------------------------------------------------------------------
    NO_OPEN_STANDARD_LOCK_IN("NO_OPEN_STANDARD", SOV_4, 1, MEDIUM, Set.of(Fact.STANDARDS),
            f -> f.standards().isEmpty(),
            f -> f.name() + " speaks no open standard or protocol: leaving it means a custom migration (lock-in)."),
    NO_SOURCE_ACCESS("NO_SOURCE_ACCESS", SOV_4, 2, MEDIUM, Set.of(Fact.LICENCE),
            f -> f.proprietary(),
            f -> f.name() + " has no source available: only its vendor can operate, fix or document it in depth."),
    NON_EU_OPERATIONS("NON_EU_OPERATIONS", SOV_4, 1, HIGH, Set.of(Fact.OPERATOR),
            f -> f.operatedByOthers() && !f.operatorEu(),
            f -> f.name() + " is operated and supported from outside the EU (" + f.operatorLaw() + ")."),

    // ---- SOV-5 Supply chain -------------------------------------------------------------------------
    UNKNOWN_COMPONENT("UNKNOWN_COMPONENT", SOV_5, 1, MEDIUM, Set.of(),
            f -> !f.known() && (f.registry() == null || f.proprietary()),
            f -> f.name() + " is not in the catalog: its origin and suppliers are unknown. Add it to the catalog to score it."),
    UNLISTED_PACKAGE("UNLISTED_PACKAGE", SOV_5, 2, MEDIUM, Set.of(Fact.PACKAGE),
            f -> !f.known() && f.registry() != null && f.openSource() == null,
            f -> f.name() + " is not in the catalog; it comes from " + f.registry() + ", but no licence is stated for it, so "
                    + "whether anyone may keep and mirror it is unchecked."),
    UNLISTED_OPEN_PACKAGE("UNLISTED_OPEN_PACKAGE", SOV_5, 3, LOW, Set.of(Fact.LICENCE, Fact.PACKAGE),
            ItemFacts::openPublicPackage,
            f -> f.name() + " is not in the catalog; it is an open-source package from " + f.registry()
                    + ", so anyone may obtain, mirror and keep it, but who maintains it, and where, is unchecked."),
    NON_EU_SUPPLY_CHAIN("NON_EU_SUPPLY_CHAIN", SOV_5, 0, HIGH, Set.of(Fact.LICENCE, Fact.STEWARD),
            f -> f.proprietary() && !f.stewardEu(),
            f -> f.name() + " can only be obtained from one vendor outside the EU (" + f.stewardLaw() + ")."),
    SINGLE_SOURCE_SUPPLIER("SINGLE_SOURCE_SUPPLIER", SOV_5, 2, MEDIUM, Set.of(Fact.LICENCE, Fact.STEWARD),
            f -> f.proprietary() && f.stewardEu(),
            f -> f.name() + " can only be obtained from its vendor."),
    FEW_INDEPENDENT_PROVIDERS("FEW_INDEPENDENT_PROVIDERS", SOV_5, 2, MEDIUM, Set.of(Fact.LICENCE, Fact.PROVIDERS),
            f -> f.open() && f.operatedByOthers() && f.euProviders() < 2,
            f -> f.name() + " is run for the organisation, and fewer than two independent EU providers offer it."),
    NON_EU_ORIGIN("NON_EU_ORIGIN", SOV_5, 3, LOW, Set.of(Fact.LICENCE, Fact.STEWARD),
            f -> f.open() && !f.stewardEu(),
            f -> f.name() + " is developed mainly outside the EU (" + f.stewardLaw() + "), though anyone may run it."),

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
            f -> f.latestRelease() != null && f.latestRelease().isBefore(f.asOf().minusMonths(18)),
            f -> f.name() + " has had no release since " + f.latestRelease() + ": security fixes may no longer come."),
    FEW_CONTRIBUTORS("FEW_CONTRIBUTORS", SOV_7, 2, MEDIUM, Set.of(Fact.PROJECT_HEALTH),
            f -> f.contributors() != null && f.contributors() < Threshold.FEW_CONTRIBUTORS_BELOW,
            f -> f.name() + " had " + f.contributors() + " contributors in the last twelve months: its upkeep rests on very "
                    + "few people."),
    CONCENTRATED_CONTRIBUTIONS("CONCENTRATED_CONTRIBUTIONS", SOV_7, 3, LOW, Set.of(Fact.PROJECT_HEALTH),
            f -> f.topOrganisationShare() != null && f.topOrganisationShare() >= Threshold.CONCENTRATED_FROM,
            f -> f.name() + ": " + Math.round(f.topOrganisationShare() * 100) + " % of the last twelve months' commits came "
                    + "from one organisation; its upkeep and direction depend on it."),
    LOW_SCORECARD("LOW_SCORECARD", SOV_7, 2, MEDIUM, Set.of(Fact.PROJECT_HEALTH),
            f -> f.scorecard() != null && f.scorecard() < 5.0,
            f -> f.name() + " has a low OpenSSF Scorecard score (" + f.scorecard() + " of 10)."),

    // ---- SOV-8 Environmental sustainability ------------------------------------------------------
    INEFFICIENT_DATA_CENTRE("INEFFICIENT_DATA_CENTRE", SOV_8, 2, MEDIUM, Set.of(Fact.ENVIRONMENT),
            f -> f.energy().pue().doubleValue() > Threshold.HIGH_PUE_ABOVE,
            f -> f.name() + " runs in data centres with a PUE of " + f.energy().pue() + " (above " + Threshold.HIGH_PUE_ABOVE + ")."),
    AVERAGE_DATA_CENTRE("AVERAGE_DATA_CENTRE", SOV_8, 3, LOW, Set.of(Fact.ENVIRONMENT),
            f -> f.energy().pue().doubleValue() > Threshold.EFFICIENT_PUE_UP_TO && f.energy().pue().doubleValue() <= Threshold.HIGH_PUE_ABOVE,
            f -> f.name() + " runs in data centres with a PUE of " + f.energy().pue() + " (efficient ones reach "
                    + Threshold.EFFICIENT_PUE_UP_TO + ")."),
    MOSTLY_FOSSIL_ENERGY("MOSTLY_FOSSIL_ENERGY", SOV_8, 2, MEDIUM, Set.of(Fact.ENVIRONMENT),
            f -> f.energy().renewableShare().doubleValue() < Threshold.MOSTLY_RENEWABLE_FROM,
            f -> f.name() + " runs on " + percent(f.energy().renewableShare()) + " renewable electricity."),
    PARTLY_RENEWABLE_ENERGY("PARTLY_RENEWABLE_ENERGY", SOV_8, 3, LOW, Set.of(Fact.ENVIRONMENT),
            f -> f.energy().renewableShare().doubleValue() >= Threshold.MOSTLY_RENEWABLE_FROM
                    && f.energy().renewableShare().doubleValue() < Threshold.RENEWABLE_FROM,
            f -> f.name() + " runs on " + percent(f.energy().renewableShare()) + " renewable electricity, not all of it."),
    NO_DATA_CENTRE_PACT("NO_DATA_CENTRE_PACT", SOV_8, 3, LOW, Set.of(Fact.ENVIRONMENT),
            f -> !Boolean.TRUE.equals(f.energy().climateNeutralDataCentrePact()),
            f -> "Whoever runs " + f.name() + "'s data centre is not known to have signed the Climate Neutral Data Centre "
                    + "Pact (the European data-centre industry's self-regulation).");



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
                message.apply(facts), evidence(facts)));
    }

    /** The facts the finding rests on, with their evidence, as many as a finding lists. */
    private List<FindingFact> evidence(ItemFacts facts) {
        return needs.stream()
                .flatMap(fact -> facts.sourcesOf(fact.key()).stream())
                .distinct()
                .limit(Limits.FINDING_FACTS)
                .toList();
    }

    private static String percent(BigDecimal share) {
        return Math.round(share.doubleValue() * 100) + " %";
    }

    /** The thresholds the health and energy rows compare facts with. */
    public static final class Threshold {

        /** Fewer distinct contributors in twelve months than this: the project rests on very few people. */
        public static final int FEW_CONTRIBUTORS_BELOW = 5;
        /** One organisation's share of twelve months' commits from which a project depends on it. */
        public static final double CONCENTRATED_FROM = 0.75;
        /** PUE: at most this is efficient; above the higher bound is inefficient (the EU average is about 1.6). */
        public static final double EFFICIENT_PUE_UP_TO = 1.3;
        public static final double HIGH_PUE_ABOVE = 1.5;
        /** Renewable share of electricity: from the first mostly renewable, from the second fully (rounding aside). */
        public static final double MOSTLY_RENEWABLE_FROM = 0.5;
        public static final double RENEWABLE_FROM = 0.9;

        private Threshold() {
        }
    }
}

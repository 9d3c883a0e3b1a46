package eu.sovereignstack.assessment.engine.rules;

import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_1;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_2;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_3;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_4;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_5;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_6;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_7;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_8;

import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.engine.model.Finding;
import eu.sovereignstack.assessment.engine.model.FindingFact;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;

/**
 * What an unknown fact costs: the objectives it informs are capped at a pessimistic level
 * (an unknown is never scored as good), and the finding says what to find out.
 */
public enum UnknownFact {
    LICENCE(Fact.LICENCE, "UNKNOWN_LICENCE", Severity.MEDIUM, Map.of(SOV_4, 1, SOV_6, 0, SOV_7, 1),
            "its licence is unknown"),
    GOVERNANCE(Fact.GOVERNANCE, "UNKNOWN_GOVERNANCE", Severity.LOW, Map.of(SOV_1, 1),
            "who governs its development is unknown"),
    STEWARD(Fact.STEWARD, "UNKNOWN_STEWARD", Severity.MEDIUM, Map.of(SOV_1, 1, SOV_2, 2, SOV_5, 1),
            "the country of its steward is unknown"),
    OPERATOR(Fact.OPERATOR, "UNKNOWN_OPERATOR", Severity.HIGH, Map.of(SOV_2, 0, SOV_3, 1, SOV_4, 1),
            "who operates it, and under which law, is unknown"),
    DATA_LOCATION(Fact.DATA_LOCATION, "UNKNOWN_DATA_LOCATION", Severity.HIGH, Map.of(SOV_3, 1),
            "where its data is stored is unknown"),
    STANDARDS(Fact.STANDARDS, "UNKNOWN_STANDARDS", Severity.LOW, Map.of(SOV_4, 2, SOV_6, 2),
            "which open standards it speaks is unknown"),
    PROVIDERS(Fact.PROVIDERS, "UNKNOWN_PROVIDERS", Severity.LOW, Map.of(SOV_5, 2),
            "which providers can run it is unknown"),
    CERTIFICATIONS(Fact.CERTIFICATIONS, "UNKNOWN_CERTIFICATIONS", Severity.LOW, Map.of(SOV_7, 2),
            "its security certifications are unknown"),
    PROJECT_HEALTH(Fact.PROJECT_HEALTH, "UNKNOWN_PROJECT_HEALTH", Severity.INFO, Map.of(SOV_7, 3),
            "its release and contributor activity is unknown"),
    ENVIRONMENT(Fact.ENVIRONMENT, "UNKNOWN_ENVIRONMENTAL_FACTS", Severity.INFO, Map.of(SOV_8, 2),
            "the PUE and renewable share of whoever runs its data centre are unknown"),
    KEY_CUSTODY(Fact.KEY_CUSTODY, "UNKNOWN_KEY_CUSTODY", Severity.LOW, Map.of(SOV_3, 3),
            "who holds the keys that encrypt its data is unknown");

    private final Fact fact;
    private final String code;
    private final Severity severity;
    private final Map<SovereigntyObjective, Integer> caps;
    private final String what;

    UnknownFact(Fact fact, String code, Severity severity, Map<SovereigntyObjective, Integer> caps, String what) {
        this.fact = fact;
        this.code = code;
        this.severity = severity;
        this.caps = caps;
        this.what = what;
    }

    public Fact fact() {
        return fact;
    }

    public String code() {
        return code;
    }

    public Map<SovereigntyObjective, Integer> caps() {
        return caps;
    }

    /** What is unknown, as a phrase for the item's list of unknowns. */
    public String what() {
        return what;
    }

    public Finding finding(ItemFacts facts, SovereigntyObjective objective) {
        List<FindingFact> known = facts.sourcesOf(fact.key());
        return new Finding(code, severity, objective, caps.get(objective),
                "Scored pessimistically: for " + facts.name() + ", " + what + ".",
                known.isEmpty() ? List.of(FindingFact.unknown(fact.key(), facts.name())) : known);
    }
}

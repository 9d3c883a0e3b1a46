package eu.sovereignstack.assessment.engine.rules;

import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_2;
import static eu.sovereignstack.assessment.engine.model.SovereigntyObjective.SOV_3;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.model.Severity;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;

/**
 * When a finding is worse than its rule's severity, one row each: a finding of one of the
 * objectives, about an item the condition holds for, goes from one severity to the next.
 */
public enum SeverityEscalation {

    /**
     * Confidential or secret data turns a serious legal or data-access exposure into a critical
     * one: a foreign authority reaching it, or data leaving the EU, is what such data must avoid.
     */
    SENSITIVE_DATA(EnumSet.of(SOV_2, SOV_3), facts -> facts.dataClassification().sensitive(), Severity.HIGH, Severity.CRITICAL);

    private final Set<SovereigntyObjective> objectives;
    private final Predicate<ItemFacts> condition;
    private final Severity from;
    private final Severity to;

    SeverityEscalation(Set<SovereigntyObjective> objectives, Predicate<ItemFacts> condition, Severity from, Severity to) {
        this.objectives = objectives;
        this.condition = condition;
        this.from = from;
        this.to = to;
    }

    /** The severity of a finding on {@code objective} about the item, after every escalation that applies. */
    public static Severity apply(Severity severity, SovereigntyObjective objective, ItemFacts facts) {
        Severity result = severity;
        for (SeverityEscalation escalation : values()) {
            if (result == escalation.from && escalation.objectives.contains(objective) && escalation.condition.test(facts)) {
                result = escalation.to;
            }
        }
        return result;
    }
}

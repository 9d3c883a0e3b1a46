package eu.sovereignstack.assessment.domain;

/** How much the organisation's business depends on an item; weights the organisation's score (engine/rules/AggregationWeight). */
public enum Criticality {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}

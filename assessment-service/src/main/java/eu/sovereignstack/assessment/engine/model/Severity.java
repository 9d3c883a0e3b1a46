package eu.sovereignstack.assessment.engine.model;

/** How urgently a finding should be acted upon. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}

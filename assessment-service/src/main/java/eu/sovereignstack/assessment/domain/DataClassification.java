package eu.sovereignstack.assessment.domain;

/** The most sensitive data an item holds. */
public enum DataClassification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    SECRET;

    public boolean sensitive() {
        return this == CONFIDENTIAL || this == SECRET;
    }
}

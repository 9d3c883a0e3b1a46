package eu.sovereignstack.assessment.engine.model;

/** What a licence issue is about; the declaration order is the order issues are reported in. */
public enum IssueKind {
    /** Two licences that may not be combined in a work that reaches others. */
    CONFLICT,
    /** Network copyleft (AGPL) software offered to users over a network: source must be offered. */
    NETWORK_COPYLEFT_OBLIGATION,
    /** A combination the OSADL matrix leaves open or depends on how the parts are combined. */
    CHECK_NEEDED,
    /** A component whose licence is missing, invalid or not one the check understands. */
    UNKNOWN_LICENCE
}

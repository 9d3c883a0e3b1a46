package eu.sovereignstack.assessment.domain;

/** How an item's software reaches others: what licence obligations are triggered by. */
public enum Usage {
    /** Used inside the organisation only. */
    INTERNAL,
    /** Distributed to others (shipped, embedded, handed out). */
    DISTRIBUTED,
    /** Offered to third parties as a network service. */
    NETWORK_SERVICE
}

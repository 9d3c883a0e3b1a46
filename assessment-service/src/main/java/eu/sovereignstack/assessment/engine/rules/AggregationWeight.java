package eu.sovereignstack.assessment.engine.rules;

import eu.sovereignstack.assessment.domain.Criticality;

/**
 * How much an item counts in the organisation's score, confidence and per-objective score: its
 * weight by criticality, one row each. An item the business cannot run without weighs five
 * times one it could do without for a while.
 */
public enum AggregationWeight {

    /** Could be missed for days. */
    LOW(Criticality.LOW, 1),
    /** The default: needed, with workarounds. */
    MEDIUM(Criticality.MEDIUM, 2),
    /** Needed every day. */
    HIGH(Criticality.HIGH, 3),
    /** The business stops without it: counts more than HIGH and LOW together. */
    CRITICAL(Criticality.CRITICAL, 5);

    private final Criticality criticality;
    private final int weight;

    AggregationWeight(Criticality criticality, int weight) {
        this.criticality = criticality;
        this.weight = weight;
    }

    public static int of(Criticality criticality) {
        for (AggregationWeight row : values()) {
            if (row.criticality == criticality) {
                return row.weight;
            }
        }
        throw new IllegalArgumentException("no aggregation weight for " + criticality);
    }
}

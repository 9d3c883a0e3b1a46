package eu.sovereignstack.assessment.domain;

/** How much the organisation's business depends on an item; weights the organisation's score. */
public enum Criticality {
    LOW(1),
    MEDIUM(2),
    HIGH(3),
    CRITICAL(5);

    private final int weight;

    Criticality(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}

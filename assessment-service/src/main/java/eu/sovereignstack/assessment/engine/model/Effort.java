package eu.sovereignstack.assessment.engine.model;

/** T-shirt sizes of migration effort, with the points that add up per wave. */
public enum Effort {
    SMALL(1),
    MEDIUM(2),
    LARGE(4),
    EXTRA_LARGE(8);

    private final int points;

    Effort(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }

    /** One size up, at most EXTRA_LARGE. */
    public Effort larger() {
        return this == EXTRA_LARGE ? EXTRA_LARGE : values()[ordinal() + 1];
    }
}

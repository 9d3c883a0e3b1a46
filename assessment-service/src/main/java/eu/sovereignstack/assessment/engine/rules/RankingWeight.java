package eu.sovereignstack.assessment.engine.rules;

/**
 * How ways out of an item with the same SEAL level after the switch are ordered (a higher level
 * always ranks first): rank = the sum of weight x term (each term 0-1), three decimals. Only
 * options that gain are kept.
 */
public enum RankingWeight {

    /** The point of migrating: the score gained, as a share of 100. */
    SOVEREIGNTY_GAIN(0.40),
    /** How much of the item it replaces ({@link FitWeight}): a partial fit means work left over. */
    FIT(0.25),
    /** Shared open standards ease the migration of data and integrations. */
    STANDARDS_OVERLAP(0.20),
    /** A healthy project keeps getting fixes ({@link ReleaseAge}, OpenSSF Scorecard). */
    HEALTH(0.15);

    /** Options shown per item when the catalog states fewer alternatives: open products of the category fill up to this. */
    public static final int KEPT = 5;
    /** Options shown per item at most: every alternative the catalog states, up to this many. */
    public static final int SHOWN = 10;

    private final double weight;

    RankingWeight(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}

package eu.sovereignstack.assessment.engine.rules;

/**
 * How the ways out of an item are ranked: rank = the sum of weight x term (each term 0-1), three
 * decimals; only options that gain are kept, the best {@link #KEPT} of them.
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

    /** Ranked alternatives kept per item. */
    public static final int KEPT = 5;

    private final double weight;

    RankingWeight(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}

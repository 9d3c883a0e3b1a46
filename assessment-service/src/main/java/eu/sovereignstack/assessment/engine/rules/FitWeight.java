package eu.sovereignstack.assessment.engine.rules;

/** The fit term of the ranking ({@link RankingWeight#FIT}): how much of the item an option replaces. */
public enum FitWeight {

    /** The catalog lists it as a full alternative. */
    FULL(1.0),
    /** The same product, run elsewhere: nothing to replace. */
    SAME_PRODUCT(1.0),
    /** The catalog lists it as a partial alternative: some of the item's use is left uncovered. */
    PARTIAL(0.6),
    /** Only an open product of the same category: nobody has checked that it covers the item. */
    SAME_CATEGORY(0.4);

    private final double weight;

    FitWeight(double weight) {
        this.weight = weight;
    }

    /** The weight of a fit by name; an unknown fit weighs as little as {@link #SAME_CATEGORY}. */
    public static double of(String fit) {
        for (FitWeight row : values()) {
            if (row.name().equals(fit)) {
                return row.weight;
            }
        }
        return SAME_CATEGORY.weight;
    }
}

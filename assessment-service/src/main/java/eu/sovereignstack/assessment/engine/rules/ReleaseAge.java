package eu.sovereignstack.assessment.engine.rules;

import java.time.LocalDate;

/**
 * The release part of the health term of the ranking ({@link RankingWeight#HEALTH}): the older
 * a project's latest release, the less likely fixes keep coming. The health term is the mean of
 * this and the OpenSSF Scorecard score / 10, of those known; {@link #UNKNOWN_HEALTH} when neither is.
 */
public enum ReleaseAge {

    /** Released within the last year: maintained. */
    RECENT(12, 1.0),
    /** Released within two years: slowing down. */
    AGEING(24, 0.5),
    /** Older: fixes may not come. */
    OLD(null, 0.1);

    /** Neither release nor Scorecard known: neither good nor bad. */
    public static final double UNKNOWN_HEALTH = 0.5;

    /** The row holds for a release within this many months; null: at any age. */
    private final Integer withinMonths;
    private final double health;

    ReleaseAge(Integer withinMonths, double health) {
        this.withinMonths = withinMonths;
        this.health = health;
    }

    public static double health(LocalDate released, LocalDate today) {
        for (ReleaseAge row : values()) {
            if (row.withinMonths == null || released.isAfter(today.minusMonths(row.withinMonths))) {
                return row.health;
            }
        }
        throw new IllegalStateException("the last release age holds at any age");
    }
}

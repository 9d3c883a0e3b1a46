package eu.sovereignstack.catalog.repository;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The orders a product list can be sorted in: {@code name} ascending, {@code -name} descending. */
public enum ProductSort {
    NAME("name", "lower(p.name)"),
    UPDATED("updated", "p.updatedAt"),
    RELEASED("released", "p.latestReleaseDate"),
    SCORECARD("scorecard", "p.scorecardScore");

    private final String key;
    private final String path;

    ProductSort(String key, String path) {
        this.key = key;
        this.path = path;
    }

    public String key() {
        return key;
    }

    /** The HQL order-by clause for this key; the slug breaks ties so pages are stable. */
    public String orderBy(boolean descending) {
        return path + (descending ? " desc nulls last" : " asc nulls last") + ", p.slug";
    }

    public static Optional<ProductSort> byKey(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(sort -> sort.key.equals(wanted)).findFirst();
    }
}

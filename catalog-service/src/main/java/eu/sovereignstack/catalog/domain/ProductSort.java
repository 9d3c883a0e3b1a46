package eu.sovereignstack.catalog.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a product list can be sorted in, by the key a client names: {@code name}
 * ascending, {@code -name} descending. Ties are broken by slug, so pages are stable.
 */
public enum ProductSort {
    NAME("name"),
    UPDATED("updated"),
    RELEASED("released"),
    SCORECARD("scorecard");

    private final String key;

    ProductSort(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ProductSort> byKey(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(sort -> sort.key.equals(wanted)).findFirst();
    }
}

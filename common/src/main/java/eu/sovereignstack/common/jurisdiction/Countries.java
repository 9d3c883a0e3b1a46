package eu.sovereignstack.common.jurisdiction;

import java.util.Locale;
import java.util.Set;

/**
 * The ISO 3166-1 alpha-2 codes that are assigned to a country: a code of the right shape
 * ({@code XX}, {@code ZZ}) is not a country, and a fact about one cannot be scored.
 */
public final class Countries {

    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code (upper case). */
    public static boolean isAssigned(String code) {
        return code != null && ASSIGNED.contains(code);
    }

    /** The problem message for a code of the right shape that is not assigned. */
    public static String notAssigned(String code) {
        return "'" + code + "' is not an assigned ISO 3166-1 alpha-2 country code";
    }
}

package eu.sovereignstack.common.jurisdiction;

import java.util.Collection;
import java.util.Set;

/**
 * Countries whose law is EU law or follows it (EU member states and the EEA), and the
 * question "is this in the EU's jurisdiction" asked of stewards, data locations and providers.
 */
public final class Jurisdiction {

    /** EU 27 plus the EEA members Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2). */
    public static final Set<String> EU_EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    private Jurisdiction() {
    }

    public static boolean isEuEea(String country) {
        return country != null && EU_EEA.contains(country);
    }

    public static boolean allEuEea(Collection<String> countries) {
        return countries.stream().allMatch(Jurisdiction::isEuEea);
    }
}

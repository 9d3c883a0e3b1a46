package eu.sovereignstack.common.licence;

/**
 * How much a licence asks of those who use or redistribute the software, from least to most
 * restrictive; the declaration order is that ranking.
 */
public enum LicenceFamily {
    PERMISSIVE,
    WEAK_COPYLEFT,
    STRONG_COPYLEFT,
    /** Copyleft that also applies when the software is offered as a network service (AGPL). */
    NETWORK_COPYLEFT,
    PROPRIETARY;

    public boolean moreRestrictiveThan(LicenceFamily other) {
        return compareTo(other) > 0;
    }

    /** Under {@code A OR B} the licensee may pick either, so the least restrictive counts. */
    public static LicenceFamily leastRestrictive(LicenceFamily a, LicenceFamily b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Under {@code A AND B} both apply, so the most restrictive counts. */
    public static LicenceFamily mostRestrictive(LicenceFamily a, LicenceFamily b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

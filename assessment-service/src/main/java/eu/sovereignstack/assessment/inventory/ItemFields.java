package eu.sovereignstack.assessment.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.common.jurisdiction.Countries;

/**
 * Checks of single values read from an inventory file, with the limits that bean validation
 * applies to {@code InventoryItem}, so a file fails at the line or path that is wrong rather
 * than at a list index of the finished inventory.
 */
public final class ItemFields {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ItemFields() {
    }

    /** The value stripped of surrounding blanks, {@code null} when nothing is left. */
    static String present(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    /** A single-line text of at most {@code max} characters, {@code null} when absent. */
    static String text(String raw, int max, String location, String field) throws InventoryFormatException {
        String value = present(raw);
        if (value == null) {
            return null;
        }
        if (CONTROL.matcher(value).find()) {
            throw new InventoryFormatException(location,
                    field + " contains a line break or control character; it must fit on one line");
        }
        if (value.length() > max) {
            throw new InventoryFormatException(location,
                    field + " is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        return value;
    }

    /** Like {@link #text} but the value must be there. */
    static String required(String raw, int max, String location, String field) throws InventoryFormatException {
        String value = text(raw, max, location, field);
        if (value == null) {
            throw new InventoryFormatException(location, field + " is empty; every item needs one");
        }
        return value;
    }

    /** A package URL of at most {@link Limits#PURL} characters, {@code null} when absent. */
    static String purl(String raw, String location) throws InventoryFormatException {
        String purl = text(raw, Limits.PURL, location, "purl");
        String problem = purlProblem(purl);
        if (problem != null) {
            throw new InventoryFormatException(location, problem);
        }
        return purl;
    }

    /** Why {@code purl} is not a package URL, {@code null} when it is one or absent. */
    public static String purlProblem(String purl) {
        if (purl == null) {
            return null;
        }
        try {
            new PackageURL(purl);
            return null;
        } catch (MalformedPackageURLException | RuntimeException e) {
            return "'" + purl + "' is not a package URL such as pkg:maven/org.keycloak/keycloak-core@26.0.0 (" + e.getMessage() + ")";
        }
    }

    /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code (upper case). */
    public static boolean isCountry(String code) {
        return Countries.isAssigned(code);
    }

    /** An ISO 3166-1 alpha-2 code, upper-cased, {@code null} when absent. */
    static String country(String raw, String location) throws InventoryFormatException {
        String value = present(raw);
        if (value == null) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!Countries.isAssigned(code)) {
            throw new InventoryFormatException(location,
                    "'" + value + "' is not an ISO 3166-1 alpha-2 country code such as FR or DE");
        }
        return code;
    }

    /**
     * An enum constant written in any case, with '-' or ' ' for '_' ("self-hosted",
     * "Self Hosted"), {@code null} when absent.
     */
    static <E extends Enum<E>> E constant(Class<E> type, String raw, String location, String field)
            throws InventoryFormatException {
        String value = present(raw);
        if (value == null) {
            return null;
        }
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw new InventoryFormatException(location, "'" + value + "' is not a valid " + field + "; use one of " + allowed);
    }

    /**
     * A name from a file turned into one clean line of at most {@code max} characters, for
     * values that are taken over rather than checked (the organisation named in an SBOM).
     */
    static String oneLine(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String value = CONTROL.matcher(WHITESPACE.matcher(raw).replaceAll(" ")).replaceAll("").strip();
        if (value.length() > max) {
            int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
            value = value.substring(0, end).strip();
        }
        return value.isEmpty() ? null : value;
    }
}

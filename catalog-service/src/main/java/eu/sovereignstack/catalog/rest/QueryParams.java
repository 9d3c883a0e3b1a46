package eu.sovereignstack.catalog.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import eu.sovereignstack.common.problem.ProblemException;

/**
 * Reads query and header parameters whose conversion JAX-RS would otherwise answer with a
 * bare 404: a bad value here is a 400 problem that names the parameter and the values allowed.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // Exactly the documented constants: the published enum is what clients may send.
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalid(name, "must be one of " + allowed);
        }
    }

    static Boolean booleanValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** An integer query parameter within [min, max]; the default when absent or blank. */
    static int intValue(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer from " + min + " to " + max);
        }
        if (number < min) {
            throw ProblemException.invalid(name, "must be greater than or equal to " + min);
        }
        if (number > max) {
            throw ProblemException.invalid(name, "must be less than or equal to " + max);
        }
        return (int) number;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The version named by an If-Match header ({@code "3"} or {@code W/"3"}); null when absent or {@code *}. */
    static Integer ifMatchVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag of this API, e.g. \"3\"");
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}

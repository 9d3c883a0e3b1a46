package eu.sovereignstack.common.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import eu.sovereignstack.common.problem.ProblemException;

/**
 * Reads query and header parameters whose conversion JAX-RS would otherwise answer with a bare
 * 404: a bad value here is a 400 problem that names the parameter and the values allowed.
 * Absent and blank values are the same: no value.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
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

    public static Boolean booleanValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    /** An integer within [min, max]; the default when absent. */
    public static int intValue(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer from " + min + " to " + max);
        }
        return (int) within(name, number, min, max);
    }

    /** A number within [min, max]; null when absent. */
    public static Double numberValue(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double number;
        try {
            number = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!Double.isFinite(number)) {
            throw ProblemException.invalid(name, "must be a number from " + (long) min + " to " + (long) max);
        }
        return within(name, number, min, max);
    }

    /** A number read by {@link #numberValue} that must also be whole, e.g. a page written as 2.0. */
    public static int wholeNumber(String name, double number) {
        if (number != Math.rint(number)) {
            throw ProblemException.invalid(name, "must be an integer");
        }
        return (int) number;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static double within(String name, double number, double min, double max) {
        if (number < min) {
            throw ProblemException.invalid(name, "must be greater than or equal to " + (long) min);
        }
        if (number > max) {
            throw ProblemException.invalid(name, "must be less than or equal to " + (long) max);
        }
        return number;
    }
}

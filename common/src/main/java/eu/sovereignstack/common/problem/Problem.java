package eu.sovereignstack.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the one error body of every service. {@code errors} lists the
 * offending fields of a validation failure: {@code field} is a JSON path into the request
 * ({@code name}, {@code products[3].licence}) or the name of a query or header parameter.
 *
 * <p>A problem may echo what the client sent (a field name, a CSV header, a rejected value), so
 * its texts and its list of errors are cut to the maximums below, which the OpenAPI documents
 * publish: a problem never grows with the request that caused it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "https://sovereignstack.eu/problems/validation",
                maxLength = TYPE)
        URI type,
        @Schema(description = "Short, stable summary of the problem type", examples = "Invalid request", maxLength = TITLE)
        String title,
        @Schema(description = "HTTP status code", examples = "400", minimum = "100", maximum = "599")
        int status,
        @Schema(description = "Explanation specific to this occurrence", maxLength = DETAIL)
        String detail,
        @Schema(description = "The request path this problem occurred on", examples = "/api/v1/products", maxLength = INSTANCE)
        String instance,
        @Schema(description = "The offending fields, for validation problems; at most " + ERRORS + " are listed",
                maxItems = ERRORS)
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Types and titles come from {@link ProblemType}, whose longest are far shorter. */
    public static final int TYPE = 200;
    public static final int TITLE = 100;
    public static final int DETAIL = 2000;
    /** The request line is at most 4096 characters (Quarkus' default), and so is its path. */
    public static final int INSTANCE = 4096;
    /** One per item of the largest inventory (10,000), twenty per product of the largest import (500). */
    public static final int ERRORS = 10_000;
    public static final int FIELD = 500;
    public static final int MESSAGE = 1000;

    public Problem {
        detail = cut(detail, DETAIL);
        instance = cut(instance, INSTANCE);
        if (errors != null && errors.size() > ERRORS) {
            errors = List.copyOf(errors.subList(0, ERRORS));
        }
    }

    @Schema(name = "FieldError", description = "One offending field and why it was rejected.")
    public record FieldError(
            @Schema(description = "JSON path into the body, or a parameter name", examples = "licence", maxLength = FIELD)
            String field,
            @Schema(description = "Why the value was rejected", examples = "not a valid SPDX licence expression",
                    maxLength = MESSAGE)
            String message) {

        public FieldError {
            field = cut(field, FIELD);
            message = cut(message, MESSAGE);
        }
    }

    /** The text, or its beginning and "..." when it is longer than {@code max}. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}

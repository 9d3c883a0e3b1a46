package eu.sovereignstack.common.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the one error body of every service. {@code errors} lists the
 * offending fields of a validation failure: {@code field} is a JSON path into the request
 * ({@code name}, {@code products[3].licence}) or the name of a query or header parameter.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "https://sovereignstack.eu/problems/validation")
        URI type,
        @Schema(description = "Short, stable summary of the problem type", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence", maxLength = 2000)
        String detail,
        @Schema(description = "The request path this problem occurred on", examples = "/api/v1/products")
        String instance,
        @Schema(description = "The offending fields, for validation problems", maxItems = 1000)
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One offending field and why it was rejected.")
    public record FieldError(
            @Schema(description = "JSON path into the body, or a parameter name", examples = "licence")
            String field,
            @Schema(description = "Why the value was rejected", examples = "not a valid SPDX licence expression")
            String message) {
    }
}

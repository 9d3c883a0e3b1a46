package eu.sovereignstack.common.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem. Client mistakes
 * become 4xx problems naming the field and the reason; anything unexpected becomes a 500
 * problem carrying only an error id (the stack trace goes to the log, never to the client).
 */
public class ProblemMappers {

    /** How long a caller should wait when a dependency (database, identity provider) cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How deep a failure's causes and suppressed exceptions are searched for a database's. */
    private static final int MAX_CAUSE_DEPTH = 32;
    private static final int MAX_DETAIL = 500;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), e.errors(), e.headers(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            returnValue |= isReturnValue(violation.getPropertyPath());
            errors.add(new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        if (returnValue) {
            return internal(e, uri);
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
        return respond(ProblemType.VALIDATION, detail, errors, Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(malformed(e), uri);
    }

    /** Registered for the subtype too, so it wins over Quarkus' own mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problem(malformed(e), uri);
    }

    /** A problem naming where an unreadable JSON body went wrong, without echoing internals. */
    public static ProblemException malformed(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException) {
            reason = "unknown field";
        } else if (e instanceof InvalidFormatException format) {
            reason = "expected " + expectation(format.getTargetType()) + ", got " + describe(format.getValue());
        } else if (e instanceof MismatchedInputException mismatch) {
            reason = mismatch.getTargetType() == null
                    ? "unexpected value"
                    : "expected " + expectation(mismatch.getTargetType());
        } else if (e instanceof JsonParseException) {
            reason = "not well-formed JSON";
        } else {
            reason = "cannot be read";
        }
        var location = e.getLocation();
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        String detail = (field.isEmpty() ? "Request body" : field) + ": " + reason + where + ".";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, reason));
        return new ProblemException(ProblemType.MALFORMED_BODY, detail, errors, Map.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", List.of(),
                Map.of("WWW-Authenticate", "Bearer"), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(ProblemType.UNAUTHENTICATED, "The bearer token is invalid or expired.", List.of(),
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), uri);
    }

    /**
     * The token cannot be checked because the identity provider (its keys) cannot be reached, e.g.
     * a service started while Keycloak was down: a 503 to retry, not a 500, and not a 401 that
     * would tell the caller its token is bad.
     */
    @ServerExceptionMapper
    public Response identityProviderUnavailable(io.quarkus.oidc.OIDCException e, UriInfo uri) {
        LOG.warnf("Identity provider unreachable on %s: %s", uri.getPath(), e.getMessage());
        return respond(ProblemType.UNAVAILABLE, "The identity provider cannot be reached to check the token; try again shortly.",
                List.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your roles do not allow this operation.", List.of(), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return problem(malformed(unreadable), uri);
        }
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "Nothing is found at " + uri.getPath() + ".";
            case METHOD_NOT_ALLOWED -> "This method is not supported on " + uri.getPath() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced.";
            default -> truncate(e.getMessage());
        };
        Map<String, String> headers = e.getResponse().getHeaderString("Allow") == null
                ? Map.of()
                : Map.of("Allow", e.getResponse().getHeaderString("Allow"));
        return respond(type, detail, List.of(), headers, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            LOG.warnf("Database unreachable on %s: %s", uri.getPath(), e.toString());
            return respond(ProblemType.UNAVAILABLE, "The service's database cannot be reached or closed the connection while the"
                    + " request ran; the request was not completed. Try again shortly.",
                    List.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), uri);
        }
        return internal(e, uri);
    }

    /**
     * Whether a failure comes from a database that cannot be reached or went away, as opposed to
     * a bug: no connection to be had (SQL state class 08, or a connection pool timing out), or the
     * server ending the connection under the request (class 57P: "terminating connection due to
     * administrator command" when PostgreSQL restarts or a CloudNativePG failover happens, a
     * crash, or "the database system is starting up").
     */
    public static boolean databaseUnreachable(Throwable failure) {
        return databaseUnreachable(failure, 0);
    }

    /**
     * Follows causes and suppressed exceptions (a failed commit, ARJUNA016053, carries the
     * driver's error only as a suppressed one), to a bounded depth.
     */
    private static boolean databaseUnreachable(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSE_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (databaseUnreachable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Response internal(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(ProblemType.INTERNAL, "An unexpected error occurred; quote error id " + errorId + ".",
                List.of(), Map.of(), uri);
    }

    public static Response respond(ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers, UriInfo uri) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), truncate(detail),
                uri == null ? null : uri.getPath(), errors.isEmpty() ? null : errors);
        Response.ResponseBuilder response = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(response::header);
        return response.build();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The field a violation is about, as the client knows it: method and body-parameter names
     * are dropped ({@code create.input.steward.country} becomes {@code steward.country}),
     * a violated query parameter keeps its own name.
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD
                    || (node.getKind() == ElementKind.PARAMETER && i + 1 < nodes.size())) {
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                names.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return names.toString();
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time")) {
            return "a date (ISO 8601, e.g. 2026-01-31)";
        }
        return "an object";
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}

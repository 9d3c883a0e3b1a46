package eu.sovereignstack.gateway.proxy;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import eu.sovereignstack.common.problem.RouteProblems;
import eu.sovereignstack.common.problem.ProblemType;
import eu.sovereignstack.gateway.config.GatewayConfig;

/**
 * 401 and 403 from the HTTP security layer, as problem+json like every other error. A 401 of the
 * MCP endpoint also names its protected-resource metadata (RFC 9728, as the MCP authorization
 * specification asks), so an MCP client can discover which realm to log in with.
 */
@ApplicationScoped
public class AuthenticationProblems {

    private final String mcpResourceMetadata;

    AuthenticationProblems(GatewayConfig config) {
        this.mcpResourceMetadata = "resource_metadata=\"" + config.publicUrl().toString().replaceAll("/+$", "")
                + GatewayRoute.RESOURCE_METADATA + "\"";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // The security layer answers a missing token with a bare challenge; answer it here first
        // (CORS preflights carry no token by design and are left to the CORS filter).
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(this::requireBearer);
        router.route("/mcp*").order(Integer.MIN_VALUE + 3).handler(this::requireBearer);
    }

    private void requireBearer(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (!preflight && (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
            respond(context, ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", challenge(context, null));
        } else {
            context.next();
        }
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            boolean tokenSent = context.request().getHeader("Authorization") != null;
            respond(context, ProblemType.UNAUTHENTICATED,
                    tokenSent ? "The bearer token is invalid or expired." : "A valid bearer token is required.",
                    challenge(context, tokenSent ? "error=\"invalid_token\"" : null));
        } else if (failure instanceof ForbiddenException) {
            respond(context, ProblemType.FORBIDDEN, "Your roles do not allow this operation.", null);
        } else {
            context.next();
        }
    }

    /** "Bearer", with the error if any, and for the MCP endpoint where its metadata is. */
    private String challenge(RoutingContext context, String error) {
        String metadata = GatewayRoute.MCP.matches(context.request().path()) ? mcpResourceMetadata : null;
        String parameters = Stream.of(error, metadata).filter(Objects::nonNull).collect(Collectors.joining(", "));
        return parameters.isEmpty() ? "Bearer" : "Bearer " + parameters;
    }

    private static void respond(RoutingContext context, ProblemType type, String detail, String challenge) {
        RouteProblems.send(context, type, detail, challenge == null ? Map.of() : Map.of("WWW-Authenticate", challenge));
    }
}

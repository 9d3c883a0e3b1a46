package eu.sovereignstack.gateway.proxy;

import java.util.Map;

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

/** 401 and 403 from the HTTP security layer, as problem+json like every other error. */
@ApplicationScoped
public class AuthenticationProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // The security layer answers a missing token with a bare challenge; answer it here first
        // (CORS preflights carry no token by design and are left to the CORS filter).
        router.route("/api/*").order(Integer.MIN_VALUE + 3).handler(context -> {
            String authorization = context.request().getHeader("Authorization");
            boolean preflight = context.request().method() == HttpMethod.OPTIONS
                    && context.request().getHeader("Access-Control-Request-Method") != null;
            if (!preflight && (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
                respond(context, ProblemType.UNAUTHENTICATED, "A valid bearer token is required.", "Bearer");
            } else {
                context.next();
            }
        });
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            boolean tokenSent = context.request().getHeader("Authorization") != null;
            respond(context, ProblemType.UNAUTHENTICATED,
                    tokenSent ? "The bearer token is invalid or expired." : "A valid bearer token is required.",
                    tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        } else if (failure instanceof ForbiddenException) {
            respond(context, ProblemType.FORBIDDEN, "Your roles do not allow this operation.", null);
        } else {
            context.next();
        }
    }

    private static void respond(RoutingContext context, ProblemType type, String detail, String challenge) {
        RouteProblems.send(context, type, detail, challenge == null ? Map.of() : Map.of("WWW-Authenticate", challenge));
    }
}

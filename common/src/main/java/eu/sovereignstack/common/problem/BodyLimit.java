package eu.sovereignstack.common.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem instead of
 * the HTTP layer's empty 413: at once when Content-Length announces it, and when a chunked
 * body overflows while it is read.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodySize;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413) {
                tooLarge(context);
            } else {
                context.next();
            }
        });
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize) {
                    tooLarge(context);
                    return;
                }
            } catch (NumberFormatException e) {
                // Vert.x itself rejects a malformed Content-Length.
            }
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        RouteProblems.send(context, ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + maxBodySize + " bytes this service accepts.", Map.of("Connection", "close"));
    }
}

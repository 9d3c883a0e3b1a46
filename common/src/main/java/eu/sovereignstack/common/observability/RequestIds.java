package eu.sovereignstack.common.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * X-Request-Id on every exchange of every service: a sane incoming id (the gateway's, or a
 * caller's) is kept, anything else is replaced by a fresh UUID. The id is set on the request (so
 * the access log and the code see it), echoed in the response, and put in the logging context
 * as {@value #MDC_KEY}, so every log line of the request carries it next to its trace id.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

    public static String reuseOrCreate(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** The current request's id, where a request is being handled; null elsewhere. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RequestIds::assign);
    }

    private static void assign(RoutingContext context) {
        String id = reuseOrCreate(context.request().getHeader(HEADER));
        context.request().headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        context.next();
    }
}

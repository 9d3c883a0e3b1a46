package eu.sovereignstack.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's server span, one per exchange, made here rather than by Quarkus' HTTP
 * instrumentation ({@code quarkus.otel.instrument.vertx-http=false}). That instrumentation reads
 * a dozen attributes of every request before it asks the sampler, so a request nobody traces
 * cost as much as a traced one: a third of the gateway's CPU per request at saturation. Here the
 * sampler is asked first (parent-based: a caller's sampled {@code traceparent}, else the
 * configured ratio) and only a recorded span gets attributes.
 *
 * <p>Either way the exchange has a trace id, continued from the caller's {@code traceparent}
 * when there is one: its log lines carry it and its span id (the logging context), and the
 * forwarded request carries it to the service ({@code ForwardingInterceptor}), so every service
 * crossed logs the same trace id.
 */
@ApplicationScoped
public class ServerSpans {

    static final String OTEL_CONTEXT = ServerSpans.class.getName() + ".context";
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    ServerSpans(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("eu.sovereignstack.gateway");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    void install(@Observes Router router) {
        // Right after the request id (common's RequestIds), before authentication and limits.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::trace);
    }

    /** The exchange's OpenTelemetry context, for code that runs later on its behalf (forwarding). */
    public static Context of(RoutingContext exchange) {
        Context context = exchange.get(OTEL_CONTEXT);
        return context == null ? Context.current() : context;
    }

    private void trace(RoutingContext exchange) {
        HttpServerRequest request = exchange.request();
        Context parent = propagator.extract(Context.root(), request, HEADERS);
        String route = route(request.path());
        Span span = tracer.spanBuilder(request.method().name() + " " + route).setParent(parent).setSpanKind(SpanKind.SERVER)
                .startSpan();
        if (span.isRecording()) {
            span.setAttribute(METHOD, request.method().name());
            span.setAttribute(PATH, request.path());
            span.setAttribute(ROUTE, route);
        }
        Context context = parent.with(span);
        exchange.put(OTEL_CONTEXT, context);
        SpanContext ids = span.getSpanContext();
        if (ids.isValid()) {
            MDC.put("traceId", ids.getTraceId());
            MDC.put("spanId", ids.getSpanId());
            MDC.put("sampled", String.valueOf(ids.isSampled()));
        }
        exchange.addEndHandler(ended -> {
            if (span.isRecording()) {
                int status = exchange.response().getStatusCode();
                span.setAttribute(STATUS, (long) status);
                if (status >= 500 || ended.failed()) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
            span.end();
        });
        try (Scope ignored = context.makeCurrent()) {
            exchange.next();
        }
    }

    /** The route's prefix, a name of few values for the span (never the request's own path). */
    private static String route(String path) {
        return GatewayRoute.of(path).map(GatewayRoute::prefix).orElse(path.startsWith("/q/") ? "/q" : "/");
    }
}

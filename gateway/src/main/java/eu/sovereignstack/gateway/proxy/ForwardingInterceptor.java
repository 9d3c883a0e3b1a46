package eu.sovereignstack.gateway.proxy;

import java.util.concurrent.CompletionStage;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import eu.sovereignstack.common.observability.RequestIds;
import eu.sovereignstack.common.problem.Failures;
import eu.sovereignstack.common.problem.Problem;
import eu.sovereignstack.common.problem.ProblemType;
import eu.sovereignstack.gateway.observability.GatewayMetrics;

/**
 * What the gateway does to each forwarded exchange: rewrite the path for the backend, add the
 * X-Forwarded-* headers, map the backend's Location back to the gateway's paths, and turn a
 * backend that cannot be reached (502) or does not answer in time (504) into a problem. A
 * circuit breaker per backend answers 503 at once while the backend keeps failing.
 * The body streams through untouched; hop-by-hop headers are dropped by the proxy itself.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    private final GatewayRoute route;
    private final TypedGuard<CompletionStage<ProxyResponse>> breaker;
    private final long breakerResetSeconds;
    private final GatewayMetrics metrics;
    private final OpenTelemetry telemetry;
    private final Tracer tracer;

    ForwardingInterceptor(GatewayRoute route, TypedGuard<CompletionStage<ProxyResponse>> breaker, long breakerResetSeconds,
            GatewayMetrics metrics, OpenTelemetry telemetry) {
        this.route = route;
        this.breaker = breaker;
        this.breakerResetSeconds = breakerResetSeconds;
        this.metrics = metrics;
        this.telemetry = telemetry;
        this.tracer = telemetry.getTracer("eu.sovereignstack.gateway");
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String gatewayUri = request.getURI();
        request.setURI(route.rewrite(gatewayUri));
        MultiMap headers = request.headers();
        String client = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
        String forwardedFor = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
            // The backend sees the host the client called, so the URLs it builds point at the gateway.
            request.setAuthority(incoming.authority());
        }
        Span span = forwardingSpan(incoming, headers);
        Context eventLoop = Vertx.currentContext();
        long started = System.nanoTime();
        Future<ProxyResponse> forwarded;
        try {
            forwarded = Future.fromCompletionStage(breaker.call(() -> context.sendRequest()
                    .recover(failure -> Future.failedFuture(incoming.response().closed() ? new ClientGoneException(failure) : failure))
                    .toCompletionStage()), eventLoop);
        } catch (Exception e) {
            forwarded = Future.failedFuture(e);
        }
        return forwarded.onSuccess(answer -> {
            metrics.exchanged(route.backend(), answer.getStatusCode(), GatewayMetrics.Outcome.of(answer.getStatusCode()),
                    System.nanoTime() - started);
            span.setAttribute(HTTP_STATUS, answer.getStatusCode());
            if (answer.getStatusCode() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }).recover(failure -> {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
            span.end();
            String requestId = incoming.getHeader(RequestIds.HEADER);
            if (failure instanceof ClientGoneException) {
                LOG.debugf("%s %s -> %s abandoned by the client (%s)", incoming.method(), gatewayUri, route.backend(), requestId);
                return Future.failedFuture(failure);
            }
            LOG.warnf("%s %s -> %s failed (%s): %s", incoming.method(), gatewayUri, route.backend(), requestId, failure.toString());
            ProxyResponse response = request.response();
            ProblemType type;
            String detail;
            GatewayMetrics.Outcome outcome;
            if (failure instanceof CircuitBreakerOpenException) {
                type = ProblemType.UNAVAILABLE;
                outcome = GatewayMetrics.Outcome.BREAKER_OPEN;
                detail = "The " + route.backend() + " service is failing; requests to it are paused.";
                response.putHeader("Retry-After", String.valueOf(breakerResetSeconds));
            } else if (Failures.isTimeout(failure)) {
                type = ProblemType.TIMEOUT;
                outcome = GatewayMetrics.Outcome.TIMEOUT;
                detail = "The " + route.backend() + " service did not answer in time.";
            } else {
                type = ProblemType.BAD_GATEWAY;
                outcome = GatewayMetrics.Outcome.UNREACHABLE;
                detail = "The " + route.backend() + " service cannot be reached.";
            }
            metrics.exchanged(route.backend(), 0, outcome, System.nanoTime() - started);
            Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, incoming.path(), null);
            return Future.succeededFuture(response
                    .setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(Json.encode(problem)))));
        });
    }

    /**
     * The span of the exchange with the backend, a child of the gateway's server span: its context
     * replaces whatever trace context the client sent, so the backend's spans hang below it.
     */
    private Span forwardingSpan(HttpServerRequest incoming, MultiMap headers) {
        io.opentelemetry.context.Context current = io.opentelemetry.context.Context.current();
        // A trace that is not sampled gets no span of its own here (nothing would record it): the
        // backend continues the gateway's server span's context, trace id and sampling decision.
        Span span = Span.fromContext(current).isRecording()
                ? tracer.spanBuilder(incoming.method().name() + " " + route.backend())
                        .setSpanKind(SpanKind.CLIENT)
                        .setAttribute("http.request.method", incoming.method().name())
                        .setAttribute("server.address", route.backend())
                        .startSpan()
                : Span.getInvalid();
        headers.remove("traceparent");
        headers.remove("tracestate");
        telemetry.getPropagators().getTextMapPropagator().inject(span.getSpanContext().isValid() ? current.with(span) : current, headers,
                (carrier, key, value) -> carrier.set(key, value));
        return span;
    }

    /**
     * The client went away before the backend answered (it closed the connection or gave up), so
     * the exchange with the backend was cut short by the gateway, not by the backend: it says
     * nothing about the backend's health and the breaker does not count it.
     */
    static final class ClientGoneException extends RuntimeException {

        ClientGoneException(Throwable cause) {
            super("the client closed the connection before the backend answered", cause, false, false);
        }
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        String location = response.headers().get("Location");
        if (location != null) {
            response.headers().set("Location", route.rewriteLocation(location));
        }
        return context.sendResponse();
    }
}

package eu.sovereignstack.gateway.proxy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import org.jboss.logging.Logger;

import eu.sovereignstack.common.problem.Problem;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * What the gateway does to each forwarded exchange: rewrite the path for the backend, add the
 * X-Forwarded-* headers, map the backend's Location back to the gateway's paths, and turn a
 * backend that cannot be reached (502) or does not answer in time (504) into a problem.
 * The body streams through untouched; hop-by-hop headers are dropped by the proxy itself.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private final GatewayRoute route;

    ForwardingInterceptor(GatewayRoute route) {
        this.route = route;
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
        return context.sendRequest().recover(failure -> {
            boolean timeout = isTimeout(failure);
            String requestId = incoming.getHeader(RequestIds.HEADER);
            LOG.warnf("%s %s -> %s failed (%s): %s", incoming.method(), gatewayUri, route.backend(), requestId, failure.toString());
            ProblemType type = timeout ? ProblemType.TIMEOUT : ProblemType.BAD_GATEWAY;
            String detail = timeout
                    ? "The " + route.backend() + " service did not answer in time."
                    : "The " + route.backend() + " service cannot be reached.";
            Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, incoming.path(), null);
            return Future.succeededFuture(request.response()
                    .setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(Json.encode(problem)))));
        });
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

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (cause instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }
}

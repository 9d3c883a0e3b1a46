package eu.sovereignstack.gateway.proxy;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyResponse;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;

import eu.sovereignstack.common.problem.ProblemType;
import eu.sovereignstack.common.problem.RouteProblems;
import eu.sovereignstack.gateway.config.GatewayConfig;
import eu.sovereignstack.gateway.limits.RateLimits;

/**
 * Installs the gateway on the HTTP router: a request id on every exchange, then one reverse
 * proxy (vertx-http-proxy) per route. Authentication and the coarse role rules run before,
 * from the HTTP permissions in application.properties.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final GatewayRoute[] ROUTES = GatewayRoute.values();

    private final Vertx vertx;
    private final GatewayConfig config;
    private final RateLimits limits;

    ProxyRoutes(Vertx vertx, GatewayConfig config, RateLimits limits) {
        this.vertx = vertx;
        this.config = config;
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ProxyRoutes::requestId);
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limitAnonymous);
        Map<GatewayRoute, HttpProxy> proxies = new EnumMap<>(GatewayRoute.class);
        // One connection pool and one breaker per backend, shared by the routes that lead to it.
        Map<String, HttpClient> clients = new HashMap<>();
        Map<String, TypedGuard<CompletionStage<ProxyResponse>>> breakers = new HashMap<>();
        for (GatewayRoute route : GatewayRoute.values()) {
            GatewayConfig.Backend backend = config.backends().get(route.backend());
            if (backend == null) {
                throw new IllegalStateException("gateway.backends." + route.backend() + ".url is not configured");
            }
            HttpClient client = clients.computeIfAbsent(route.backend(), name -> client(backend));
            TypedGuard<CompletionStage<ProxyResponse>> breaker = breakers.computeIfAbsent(route.backend(), name -> breaker(backend));
            proxies.put(route, proxy(route, backend, client, breaker, new ConnectRetry(vertx, backend.connectRetries(),
                    backend.connectRetryBackoff())));
        }
        router.route("/api/*").handler(context -> {
            if (limited(context, callerLimit(context))) {
                return;
            }
            String path = context.request().path();
            for (GatewayRoute route : ROUTES) {
                if (route.matches(path)) {
                    continueIfExpected(context);
                    proxies.get(route).handle(context.request());
                    return;
                }
            }
            notFound(context);
        });
    }

    /**
     * One breaker per backend: it opens after that many failures in a row, and tries again after
     * the reset delay. An exchange the client abandoned is no failure of the backend.
     */
    private static TypedGuard<CompletionStage<ProxyResponse>> breaker(GatewayConfig.Backend backend) {
        return TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withCircuitBreaker()
                .skipOn(List.of(ForwardingInterceptor.ClientGoneException.class))
                .requestVolumeThreshold(backend.breakerFailures())
                .failureRatio(1.0)
                .delay(backend.breakerReset().toMillis(), ChronoUnit.MILLIS)
                .done()
                .withThreadOffload(false)
                .build();
    }

    private HttpClient client(GatewayConfig.Backend backend) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) backend.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
    }

    private static HttpProxy proxy(GatewayRoute route, GatewayConfig.Backend backend, HttpClient client,
            TypedGuard<CompletionStage<ProxyResponse>> breaker, ConnectRetry retry) {
        int port = backend.url().getPort() > 0 ? backend.url().getPort() : 80;
        SocketAddress address = SocketAddress.inetSocketAddress(port, backend.url().getHost());
        long idleTimeout = backend.responseTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        RequestOptions options = new RequestOptions().setServer(address).setIdleTimeout(idleTimeout);
        proxy.originRequestProvider((request, http) -> retry.connect(request.method(), () -> http.request(new RequestOptions(options))));
        proxy.addInterceptor(new ForwardingInterceptor(route, breaker, Math.max(1, backend.breakerReset().toSeconds())));
        return proxy;
    }

    /**
     * A client that sends {@code Expect: 100-continue} (curl does for bodies over 1 MB) waits for
     * a 100 before it sends the body; without one, curl waits a second. The gateway answers it
     * itself once the request has passed authentication, roles and limits, so a refused client
     * never uploads, and does not pass the expectation on: the body it forwards is already coming.
     */
    private static void continueIfExpected(RoutingContext context) {
        String expect = context.request().getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            context.request().headers().remove(HttpHeaders.EXPECT);
            context.response().writeContinue();
        }
    }

    private static void requestId(RoutingContext context) {
        String id = RequestIds.reuseOrCreate(context.request().getHeader(RequestIds.HEADER));
        context.request().headers().set(RequestIds.HEADER, id);
        context.response().putHeader(RequestIds.HEADER, id);
        context.next();
    }

    /** Callers without a token are limited by IP address, before anything else is done for them. */
    private void limitAnonymous(RoutingContext context) {
        if (context.request().getHeader("Authorization") != null
                || !limited(context, limits.forAddress(clientAddress(context)))) {
            context.next();
        }
    }

    /** An authenticated caller is limited by issuer and subject of its (already validated) token. */
    private RateLimits.Quota callerLimit(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
            return limits.forCaller(token.getIssuer(), token.getSubject());
        }
        return limits.forAddress(clientAddress(context));
    }

    /**
     * Tells the caller its quota on every answer (RateLimit-Limit, -Remaining, -Reset, as in the
     * IETF draft "RateLimit header fields for HTTP"), and refuses the request with a 429 and
     * Retry-After when it is used up.
     */
    private static boolean limited(RoutingContext context, RateLimits.Quota quota) {
        context.response()
                .putHeader("RateLimit-Limit", String.valueOf(quota.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(quota.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(quota.resetSeconds()));
        if (!quota.exceeded()) {
            return false;
        }
        RouteProblems.send(context, ProblemType.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + quota.retryAfterSeconds() + " s.",
                Map.of("Retry-After", String.valueOf(quota.retryAfterSeconds())));
        return true;
    }

    private static String clientAddress(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    private static void notFound(RoutingContext context) {
        RouteProblems.send(context, ProblemType.NOT_FOUND, "No service answers " + context.request().path() + ".", Map.of());
    }
}

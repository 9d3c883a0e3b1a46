package eu.sovereignstack.gateway.proxy;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyResponse;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;

import eu.sovereignstack.common.problem.ProblemType;
import eu.sovereignstack.common.problem.RouteProblems;
import eu.sovereignstack.common.security.CachedBearerAuthentication;
import eu.sovereignstack.common.security.VerifiedTokens;
import eu.sovereignstack.gateway.config.GatewayConfig;
import eu.sovereignstack.gateway.limits.ClientAddresses;
import eu.sovereignstack.gateway.limits.Quota;
import eu.sovereignstack.gateway.limits.RateLimits;
import eu.sovereignstack.gateway.observability.GatewayMetrics;

/**
 * Installs the gateway on the HTTP router: one reverse proxy (vertx-http-proxy) per route, after
 * the request id (common's RequestIds). Authentication and the coarse role rules run before,
 * from the HTTP permissions in application.properties.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final GatewayRoute[] ROUTES = GatewayRoute.values();

    private final Vertx vertx;
    private final GatewayConfig config;
    private final RateLimits limits;
    private final ClientAddresses addresses;
    private final VerifiedTokens verifiedTokens;
    private final GatewayMetrics metrics;
    private final OpenTelemetry telemetry;

    ProxyRoutes(Vertx vertx, GatewayConfig config, RateLimits limits, ClientAddresses addresses, VerifiedTokens verifiedTokens,
            GatewayMetrics metrics, OpenTelemetry telemetry) {
        this.vertx = vertx;
        this.config = config;
        this.limits = limits;
        this.addresses = addresses;
        this.verifiedTokens = verifiedTokens;
        this.metrics = metrics;
        this.telemetry = telemetry;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limitUnverified);
        Map<GatewayRoute, ProxyFactory> factories = new EnumMap<>(GatewayRoute.class);
        // One breaker per backend, shared by the routes that lead to it and by every event loop.
        Map<String, TypedGuard<CompletionStage<ProxyResponse>>> breakers = new HashMap<>();
        for (GatewayRoute route : ROUTES) {
            GatewayConfig.Backend backend = config.backends().get(route.backend());
            if (backend == null) {
                throw new IllegalStateException("gateway.backends." + route.backend() + ".url is not configured");
            }
            TypedGuard<CompletionStage<ProxyResponse>> breaker = breakers.computeIfAbsent(route.backend(),
                    name -> breaker(backend, metrics.breaker(name)));
            ConnectRetry retry = new ConnectRetry(vertx, backend.connectRetries(), backend.connectRetryBackoff(),
                    () -> metrics.retried(route.backend()));
            factories.put(route, client -> proxy(route, backend, client, breaker, retry));
        }
        LoopProxies proxies = new LoopProxies(factories);
        router.route("/api/*").handler(context -> limitCaller(context, () -> forward(context, proxies)));
        router.route("/mcp*").handler(context -> limitCaller(context, () -> forward(context, proxies)));
        // Public: limited by address like every request without a token (limitUnverified).
        router.route(GatewayRoute.RESOURCE_METADATA).handler(context -> forward(context, proxies));
    }

    private static void forward(RoutingContext context, LoopProxies proxies) {
        Optional<GatewayRoute> route = GatewayRoute.of(context.request().path());
        if (route.isEmpty()) {
            notFound(context);
            return;
        }
        continueIfExpected(context);
        // Forwarding starts in the exchange's trace, also when its quota came back from Redis later.
        try (Scope ignored = ServerSpans.of(context).makeCurrent()) {
            proxies.current()[route.get().ordinal()].handle(context.request());
        }
    }

    /** Builds a route's proxy over the connection pools it is given. */
    @FunctionalInterface
    private interface ProxyFactory {
        HttpProxy over(Map<String, HttpClient> clients);
    }

    /**
     * The proxies of each event loop, with connection pools of their own (one per backend). A
     * connection of a pool shared by the loops serves requests of any loop, and each of its
     * events is then handed over from the loop that owns the connection to the request's: a task
     * and a thread wake-up per event. Here a request is forwarded on connections opened by its own
     * loop, so the exchange stays on one thread. A caller that is not on an event loop (none is
     * expected) gets proxies shared by all such callers.
     */
    private final class LoopProxies {

        private final Map<GatewayRoute, ProxyFactory> factories;
        private final ThreadLocal<HttpProxy[]> ofLoop;
        private final HttpProxy[] shared;

        LoopProxies(Map<GatewayRoute, ProxyFactory> factories) {
            this.factories = factories;
            this.ofLoop = ThreadLocal.withInitial(this::create);
            this.shared = create();
        }

        HttpProxy[] current() {
            return Context.isOnEventLoopThread() ? ofLoop.get() : shared;
        }

        private HttpProxy[] create() {
            Map<String, HttpClient> clients = new HashMap<>();
            HttpProxy[] proxies = new HttpProxy[ROUTES.length];
            for (GatewayRoute route : ROUTES) {
                proxies[route.ordinal()] = factories.get(route).over(clients);
            }
            return proxies;
        }
    }

    /**
     * One breaker per backend: it opens after that many failures in a row, and tries again after
     * the reset delay. An exchange the client abandoned is no failure of the backend.
     */
    private static TypedGuard<CompletionStage<ProxyResponse>> breaker(GatewayConfig.Backend backend, AtomicInteger openGauge) {
        return TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withCircuitBreaker()
                .onStateChange(state -> openGauge.set(state == CircuitBreakerState.OPEN ? 1 : 0))
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
                .setMaxPoolSize(64)
                // The exchange's client span is the gateway's own (ForwardingInterceptor), made only
                // for a sampled trace; Vert.x would make a second one for every request.
                .setTracingPolicy(TracingPolicy.IGNORE));
    }

    private HttpProxy proxy(GatewayRoute route, GatewayConfig.Backend backend, Map<String, HttpClient> clients,
            TypedGuard<CompletionStage<ProxyResponse>> breaker, ConnectRetry retry) {
        HttpClient client = clients.computeIfAbsent(route.backend(), name -> client(backend));
        int port = backend.url().getPort() > 0 ? backend.url().getPort() : 80;
        SocketAddress address = SocketAddress.inetSocketAddress(port, backend.url().getHost());
        long idleTimeout = backend.responseTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        RequestOptions options = new RequestOptions().setServer(address).setIdleTimeout(idleTimeout);
        proxy.originRequestProvider((request, http) -> retry.connect(request.method(), () -> http.request(new RequestOptions(options))));
        proxy.addInterceptor(new ForwardingInterceptor(route, breaker, Math.max(1, backend.breakerReset().toSeconds()), metrics, telemetry));
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

    /**
     * A request without a token, or with one this gateway has not verified (yet), is limited by
     * its client address before anything else is done for it (two buckets per address: no token,
     * and token not verified yet): a flood of bad tokens is refused with 429 without a signature
     * check each. A token verified before (common's VerifiedTokens) goes on to its caller's limit.
     */
    private void limitUnverified(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null) {
            apply(context, limits.forAddress(addresses.of(context.request())), "address", context::next);
            return;
        }
        String token = CachedBearerAuthentication.bearerToken(authorization);
        if (token != null && verifiedTokens.enabled() && verifiedTokens.find(token).isPresent()) {
            context.next();
            return;
        }
        apply(context, limits.forUnverified(addresses.of(context.request())), "unverified", context::next);
    }

    /** An authenticated caller is limited by issuer and subject of its (now verified) token. */
    private void limitCaller(RoutingContext context, Runnable proceed) {
        if (context.user() instanceof QuarkusHttpUser user
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
            apply(context, limits.forCaller(token.getIssuer(), token.getSubject()), "identified", proceed);
        } else {
            apply(context, limits.forAddress(addresses.of(context.request())), "address", proceed);
        }
    }

    /**
     * Refuses the request or lets it proceed once the quota is known: at once when it is (tokens
     * leased from Redis before, or local limits), else when Redis answers (on its own thread; the
     * request goes on on its own event loop).
     */
    private void apply(RoutingContext context, Future<Quota> quota, String caller, Runnable proceed) {
        if (quota.succeeded()) {
            if (!limited(context, quota.result(), caller)) {
                proceed.run();
            }
            return;
        }
        Context requestContext = Vertx.currentContext();
        quota.onComplete(found -> onContext(requestContext, () -> {
            if (found.failed()) {
                context.fail(found.cause());
            } else if (!limited(context, found.result(), caller)) {
                proceed.run();
            }
        }));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    /**
     * Tells the caller its quota on every answer (RateLimit-Limit, -Remaining, -Reset, as in the
     * IETF draft "RateLimit header fields for HTTP"), and refuses the request with a 429 and
     * Retry-After when it is used up.
     */
    private boolean limited(RoutingContext context, Quota quota, String caller) {
        context.response()
                .putHeader("RateLimit-Limit", String.valueOf(quota.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(quota.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(quota.resetSeconds()));
        if (!quota.exceeded()) {
            return false;
        }
        metrics.refused(caller);
        RouteProblems.send(context, ProblemType.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + quota.retryAfterSeconds() + " s.",
                Map.of("Retry-After", String.valueOf(quota.retryAfterSeconds())));
        return true;
    }

    private static void notFound(RoutingContext context) {
        RouteProblems.send(context, ProblemType.NOT_FOUND, "No service answers " + context.request().path() + ".", Map.of());
    }
}

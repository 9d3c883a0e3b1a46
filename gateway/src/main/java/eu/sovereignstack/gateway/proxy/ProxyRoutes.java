package eu.sovereignstack.gateway.proxy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

import eu.sovereignstack.common.problem.Problem;
import eu.sovereignstack.common.problem.ProblemType;
import eu.sovereignstack.gateway.config.GatewayConfig;

/**
 * Installs the gateway on the HTTP router: a request id on every exchange, then one reverse
 * proxy (vertx-http-proxy) per route. Authentication and the coarse role rules run before,
 * from the HTTP permissions in application.properties.
 */
@ApplicationScoped
public class ProxyRoutes {

    private final Vertx vertx;
    private final GatewayConfig config;

    ProxyRoutes(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ProxyRoutes::requestId);
        Map<GatewayRoute, HttpProxy> proxies = new EnumMap<>(GatewayRoute.class);
        for (GatewayRoute route : GatewayRoute.values()) {
            proxies.put(route, proxy(route, config.backends().get(route.backend())));
        }
        router.route("/api/*").handler(context -> {
            String path = context.request().path();
            for (GatewayRoute route : List.of(GatewayRoute.values())) {
                if (route.matches(path)) {
                    proxies.get(route).handle(context.request());
                    return;
                }
            }
            notFound(context);
        });
    }

    private HttpProxy proxy(GatewayRoute route, GatewayConfig.Backend backend) {
        if (backend == null) {
            throw new IllegalStateException("gateway.backends." + route.backend() + ".url is not configured");
        }
        int port = backend.url().getPort() > 0 ? backend.url().getPort() : 80;
        SocketAddress address = SocketAddress.inetSocketAddress(port, backend.url().getHost());
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) backend.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
        long idleTimeout = backend.responseTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        proxy.originRequestProvider((request, http) -> http.request(new RequestOptions()
                .setServer(address)
                .setIdleTimeout(idleTimeout)));
        proxy.addInterceptor(new ForwardingInterceptor(route));
        return proxy;
    }

    private static void requestId(RoutingContext context) {
        String id = RequestIds.reuseOrCreate(context.request().getHeader(RequestIds.HEADER));
        context.request().headers().set(RequestIds.HEADER, id);
        context.response().putHeader(RequestIds.HEADER, id);
        context.next();
    }

    private static void notFound(RoutingContext context) {
        ProblemType type = ProblemType.NOT_FOUND;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "No service answers " + context.request().path() + ".", context.request().path(), null);
        context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }
}

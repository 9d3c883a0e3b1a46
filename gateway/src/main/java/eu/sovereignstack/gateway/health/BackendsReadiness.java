package eu.sovereignstack.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import eu.sovereignstack.gateway.config.GatewayConfig;

/**
 * Readiness reports each backend's own readiness, and is down while a required one is (an
 * optional one, the MCP server, is only reported). Liveness has no check of the backends: a
 * gateway whose backends are down is still alive and answers 502/503/504 problems.
 */
@Readiness
@ApplicationScoped
public class BackendsReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    BackendsReadiness(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Backends").up();
        for (Map.Entry<String, GatewayConfig.Backend> backend : config.backends().entrySet()) {
            String state = probe(backend.getValue().url().resolve("/q/health/ready"));
            boolean required = backend.getValue().required();
            response.withData(backend.getKey(), required ? state : state + " (optional)");
            if (required && !"UP".equals(state)) {
                response.down();
            }
        }
        return response.build();
    }

    private String probe(URI uri) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? "UP" : "DOWN (" + answer.statusCode() + ")";
        } catch (java.io.IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }
}

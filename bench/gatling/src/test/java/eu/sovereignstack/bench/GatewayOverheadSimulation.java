package eu.sovereignstack.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The same two reads, a catalog search and a product read, sent at a fixed arrival rate (open
 * model) first straight to the catalog-service and then through the gateway, in one run. The
 * request names ({@code direct ...}, {@code gateway ...}) keep the two apart in Gatling's
 * statistics, which {@code bench/bench.py} turns into the results table.
 *
 * <p>System properties (set by bench.py): {@code bench.direct} and {@code bench.gateway} (base
 * URLs), {@code bench.token} (a bearer token), {@code bench.rate} (requests per second, both reads together),
 * {@code bench.seconds} (per phase) and {@code bench.warmup} (seconds of unmeasured warm-up per
 * phase; its requests are named {@code warm-up ...}).
 */
public class GatewayOverheadSimulation extends Simulation {

    private static final String SEARCH = "/products?q=cloud&size=20";
    private static final String READ = "/products/keycloak";

    private final String token = required("bench.token");
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "200"));
    private final Duration phase = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmup", 10));

    {
        PopulationBuilder direct = phase("direct", required("bench.direct") + "/api/v1");
        PopulationBuilder gateway = phase("gateway", required("bench.gateway") + "/api/v1/catalog");
        setUp(direct.andThen(gateway))
                .assertions(global().failedRequests().count().is(0L));
    }

    /** Warm-up, then the measured load, for one way in. */
    private PopulationBuilder phase(String name, String baseUrl) {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .authorizationHeader("Bearer " + token)
                .acceptHeader("application/json")
                .shareConnections();
        return reads("warm-up " + name, warmUp, protocol).andThen(reads(name, phase, protocol));
    }

    /** {@code rate} arrivals per second, each one request: half searches, half product reads. */
    private PopulationBuilder reads(String name, Duration duration, HttpProtocolBuilder protocol) {
        ScenarioBuilder scenario = scenario(name).randomSwitch().on(
                new Choice.WithWeight(50.0, exec(http(name + " search").get(SEARCH).check(status().is(200)))),
                new Choice.WithWeight(50.0, exec(http(name + " read").get(READ).check(status().is(200)))));
        return scenario.injectOpen(constantUsersPerSec(rate).during(duration)).protocols(protocol);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + property + " is required (bench/run sets it)");
        }
        return value;
    }
}

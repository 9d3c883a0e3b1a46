package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.OtlpReceiver;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * What an operator sees of a request: one trace through the gateway, the assessment-service,
 * the catalog-service and PostgreSQL, exported over OTLP; its request id on the log lines of
 * every service it crossed; and the services' metrics.
 */
@SovereignStackTest
class ObservabilityIT {

    private static final Duration EXPORT_DEADLINE = Duration.ofSeconds(30);

    private final SovereignStack stack;

    ObservabilityIT(SovereignStack stack) {
        this.stack = stack;
    }

    @Test
    void anAssessmentThroughTheGatewayIsOneTraceAcrossAllThreeServicesAndTheDatabase() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String requestId = "e2e-trace-" + UUID.randomUUID();
        Reply reply = submitMunicipality(stack.gateway().as(User.ASSESSOR)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .header("X-Request-Id", requestId));
        assertEquals(201, reply.status(), reply::toString);

        OtlpReceiver traces = stack.traces();
        Set<String> expected = Set.of("gateway", "assessment-service", "catalog-service");
        Awaitility.await().atMost(EXPORT_DEADLINE).pollInterval(Duration.ofMillis(200)).until(
                () -> services(traces.trace(traceId)).containsAll(expected)
                        && traces.trace(traceId).stream().anyMatch(span -> "postgresql".equals(span.attributes().get("db.system"))));

        List<OtlpReceiver.Span> spans = traces.trace(traceId);
        // One tree: every span's parent is in the trace, but for the gateway's, whose parent is the caller's.
        Set<String> ids = spans.stream().map(OtlpReceiver.Span::spanId).collect(Collectors.toSet());
        List<OtlpReceiver.Span> roots = spans.stream().filter(span -> !ids.contains(span.parentSpanId())).toList();
        assertEquals(Set.of("gateway"), services(roots), () -> "spans without a parent in the trace: " + roots);
        assertTrue(spans.stream().anyMatch(span -> span.service().equals("catalog-service")
                && "/api/v1/products/resolve".equals(span.attributes().get("http.route"))), () -> "the catalog's resolve: " + spans);
        assertTrue(spans.stream().anyMatch(span -> span.service().equals("assessment-service")
                && "postgresql".equals(span.attributes().get("db.system"))), () -> "the assessment's SQL: " + spans);
    }

    @Test
    void theRequestIdAndTheTraceIdReachTheLogLinesOfEveryServiceCrossed() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String requestId = "e2e-logs-" + UUID.randomUUID();
        Reply reply = submitMunicipality(stack.gateway().as(User.ASSESSOR)
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .header("X-Request-Id", requestId));
        assertEquals(201, reply.status(), reply::toString);
        for (String service : List.of("gateway", "assessment-service", "catalog-service")) {
            Awaitility.await().atMost(EXPORT_DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                List<JsonNode> lines = logLines(service, requestId);
                assertTrue(!lines.isEmpty(), service + " logged no line with request id " + requestId);
                assertTrue(lines.stream().anyMatch(line -> traceId.equals(line.path("mdc").path("traceId").asText())),
                        () -> service + "'s lines carry the trace id: " + lines);
            });
        }
    }

    @Test
    void everyServiceExposesItsMetrics() {
        submitMunicipality(stack.gateway().as(User.ASSESSOR));
        assertMetrics(stack.gateway(), "sovereign_gateway_backend_requests_seconds_count{backend=\"assessment\"",
                "sovereign_gateway_rate_limit_shared 1.0", "http_server_requests_seconds_bucket");
        assertMetrics(stack.assessment(), "sovereign_assessments_total{mode=\"sync\",outcome=\"done\"}",
                "sovereign_assessment_phase_seconds_bucket{phase=\"resolve\"", "sovereign_catalog_resolve_seconds_count",
                "sovereign_assessment_items_total", "agroal_active_count");
        assertMetrics(stack.catalog(), "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/products/resolve\"}",
                "agroal_active_count", "jvm_memory_used_bytes");
    }

    private static void assertMetrics(Api service, String... series) {
        Reply metrics = service.anonymous().get("/q/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        for (String name : series) {
            assertTrue(metrics.body().contains(name), () -> service.base() + " has no " + name);
        }
    }

    private List<JsonNode> logLines(String service, String requestId) throws IOException {
        return Files.readAllLines(stack.logOf(service)).stream()
                .filter(line -> line.startsWith("{") && line.contains(requestId))
                .map(Json::read)
                .filter(line -> requestId.equals(line.path("mdc").path("requestId").asText()))
                .toList();
    }

    private static Set<String> services(List<OtlpReceiver.Span> spans) {
        return spans.stream().map(OtlpReceiver.Span::service).collect(Collectors.toSet());
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid id)
        return bytes;
    }
}

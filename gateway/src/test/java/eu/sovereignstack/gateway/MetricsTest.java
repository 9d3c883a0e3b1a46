package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.testsupport.TestTokens;

/** The series operators alert on are exposed at /q/metrics, with the labels they use. */
@QuarkusTest
@QuarkusTestResource(Backends.class)
class MetricsTest {

    @Test
    void forwardedExchangesAreCountedPerBackendStatusAndOutcome() {
        Backends.catalog.stubFor(get(urlPathEqualTo("/api/v1/categories")).willReturn(aResponse().withStatus(200).withBody("[]")));
        Backends.catalog.stubFor(get(urlPathEqualTo("/api/v1/products/broken"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String token = TestTokens.forAudience("sovereign-gateway").token("metrics-viewer", "demo-municipality", "catalog-viewer");
        given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/catalog/products/broken").then().statusCode(502);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString(
                "sovereign_gateway_backend_requests_seconds_count{backend=\"catalog\",outcome=\"SUCCESS\",status=\"200\"}"));
        assertThat(metrics, containsString(
                "sovereign_gateway_backend_requests_seconds_count{backend=\"catalog\",outcome=\"UNREACHABLE\",status=\"none\"}"));
        assertThat(metrics, containsString(
                "sovereign_gateway_backend_requests_seconds_bucket{backend=\"catalog\",outcome=\"SUCCESS\",status=\"200\",le=\"0.25\"}"));
        assertThat(metrics, containsString("sovereign_gateway_breaker_open{backend=\"assessment\"} 0.0"));
        assertThat(metrics, containsString("sovereign_gateway_rate_limit_shared 1.0"));
        // Quarkus' own per-route server series, as histograms, and the JVM's.
        assertThat(metrics, matchesPattern("(?s).*http_server_requests_seconds_bucket\\{[^}]*status=\"200\"[^}]*le=\"0.005\"\\}.*"));
        assertThat(metrics, containsString("jvm_memory_used_bytes"));
    }
}

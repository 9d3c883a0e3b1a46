package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * Redis cannot be reached (nothing listens where it is said to be): the gateway answers as
 * usual, never a 5xx, and limits each caller locally to its replica's share of the quota.
 */
@QuarkusTest
@TestProfile(SharedLimitsFallbackTest.RedisAway.class)
@QuarkusTestResource(Backends.class)
class SharedLimitsFallbackTest {

    /** Four requests per caller across two replicas: two each while Redis is away. */
    public static class RedisAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "gateway.rate-limit.replicas", "2",
                    "gateway.rate-limit.capacity", "4",
                    "gateway.rate-limit.per-minute", "2");
        }
    }

    @Test
    void withoutRedisEachReplicaAllowsItsShareOfTheQuota() {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        String token = TestTokens.forAudience("sovereign-gateway").token("fallback-caller", "demo-municipality", "catalog-viewer");
        given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(200)
                .header("RateLimit-Limit", equalTo("2"));
        given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(429)
                .contentType("application/problem+json");

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("sovereign_gateway_rate_limit_shared 0.0"))
                .body(containsString("sovereign_gateway_rate_limit_refusals_total{caller=\"identified\"} 1.0"));
    }
}

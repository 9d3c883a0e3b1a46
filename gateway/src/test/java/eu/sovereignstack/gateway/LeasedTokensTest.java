package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * A busy caller's tokens are taken from Redis a few at a time and spent by the replica without
 * asking again: with a burst of 100, five at once. The bucket in Redis says so, and the
 * RateLimit headers still count every request.
 */
@QuarkusTest
@TestProfile(LeasedTokensTest.HundredPerBurst.class)
@QuarkusTestResource(Backends.class)
class LeasedTokensTest {

    /** A burst of 100, refilled one a minute (so the bucket barely moves during the test). */
    public static class HundredPerBurst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.capacity", "100", "gateway.rate-limit.per-minute", "1");
        }
    }

    private static final String ISSUER = "https://server.example.com";

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "gateway.rate-limit.key-prefix")
    String prefix;

    @Test
    void fiveRequestsCostOneRedisCall() throws Exception {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        String token = TestTokens.forAudience("sovereign-gateway").token("leaser", "demo-municipality", "catalog-viewer");
        String bucket = prefix + "sub:" + digest(ISSUER + "\n" + "sub-leaser");

        given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("99"));
        assertEquals(95, tokensInRedis(bucket), "five taken from Redis: one spent, four leased");
        for (int spent = 2; spent <= 5; spent++) {
            given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(200)
                    .header("RateLimit-Remaining", equalTo(String.valueOf(100 - spent)));
        }
        assertEquals(95, tokensInRedis(bucket), "the leased four were spent without asking Redis");
        given().auth().oauth2(token).when().get("/api/v1/catalog/categories").then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("94"));
        assertEquals(90, tokensInRedis(bucket), "the sixth takes the next five");
    }

    private long tokensInRedis(String bucket) {
        List<String> fields = redis.hash(String.class).hmget(bucket, "tokens").values().stream().toList();
        return (long) Math.floor(Double.parseDouble(fields.get(0)));
    }

    private static String digest(String text) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}

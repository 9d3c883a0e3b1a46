package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.testsupport.ConnectionKiller;

/**
 * PostgreSQL ends the service's connections while writes are under way (as a restart or a
 * failover does): every request is answered 201 or a 503 problem with Retry-After, never a 500,
 * and every acknowledged write is there afterwards, whole.
 */
@QuarkusTest
class ConnectionLossTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final int WRITERS = 6;
    /**
     * Writes go on for at least this long, and then until both a write was stored and one was
     * refused (on a busy machine few writes fit between two terminations), for at most {@link #DEADLINE}.
     */
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void connectionsEndedUnderWriteLoadAre503sAndNoAcknowledgedWriteIsLost() throws Exception {
        Map<String, Response> answers = new ConcurrentHashMap<>();
        String editor = CatalogTokens.editor();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        int terminated;
        try (ConnectionKiller killer = ConnectionKiller.start("catalog_test", 250)) {
            Instant end = Instant.now().plus(LOAD);
            Instant deadline = Instant.now().plus(DEADLINE);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    while (Instant.now().isBefore(end) || !(seen(answers, 201) && seen(answers, 503))
                            && Instant.now().isBefore(deadline)) {
                        String slug = TestProducts.uniqueSlug("conn-loss");
                        answers.put(slug, given().auth().oauth2(editor).contentType(ContentType.JSON)
                                .body(TestProducts.valid(slug)).when().post(PRODUCTS));
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
            terminated = killer.terminated();
        } finally {
            writers.shutdownNow();
        }

        long unavailable = answers.values().stream().filter(r -> r.statusCode() == 503).count();
        long created = answers.values().stream().filter(r -> r.statusCode() == 201).count();
        assertTrue(terminated > 0 && unavailable > 0, "connections were ended under the requests: " + terminated
                + " terminated, " + unavailable + " answers 503");
        answers.forEach((slug, answer) -> {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 503, () -> slug + ": " + answer.statusCode()
                    + " " + answer.asString());
            if (answer.statusCode() == 503) {
                assertEquals("application/problem+json", answer.contentType());
                assertTrue(answer.header("Retry-After") != null, "a 503 says when to try again");
            }
        });

        awaitReady();
        for (Map.Entry<String, Response> answer : answers.entrySet()) {
            Response read = given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + answer.getKey());
            if (answer.getValue().statusCode() == 201) {
                assertEquals(200, read.statusCode(), () -> "acknowledged and lost: " + answer.getKey());
            }
            if (read.statusCode() == 200) {
                assertEquals("Test Drive " + answer.getKey(), read.path("name"), "stored whole");
            }
        }
        assertTrue(created > 0, "writes went through between the terminations");
    }

    private static void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "readiness did not come back within 30 s");
        }
    }

    private static boolean seen(Map<String, Response> answers, int status) {
        return answers.values().stream().anyMatch(answer -> answer.statusCode() == status);
    }
}

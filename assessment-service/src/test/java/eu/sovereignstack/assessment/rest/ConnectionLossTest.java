package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.ConnectionKiller;

/**
 * PostgreSQL ends the assessment-service's connections while assessments are being stored (as a
 * restart or a failover does): each is answered 201 or a 503 problem with Retry-After, never a
 * 500, and every acknowledged assessment can be read afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class ConnectionLossTest {

    private static final int WRITERS = 4;
    /**
     * Writes go on for at least this long, and then until both a write was stored and one was
     * refused (on a busy machine few writes fit between two terminations), for at most {@link #DEADLINE}.
     */
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void connectionsEndedUnderLoadAre503sAndNoAcknowledgedAssessmentIsLost() throws Exception {
        List<Response> answers = new CopyOnWriteArrayList<>();
        String assessor = Tokens.assessor();
        String inventory = resource("assessments/municipality.json");
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        int terminated;
        try (ConnectionKiller killer = ConnectionKiller.start("assessment_test", 250)) {
            Instant end = Instant.now().plus(LOAD);
            Instant deadline = Instant.now().plus(DEADLINE);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    while (Instant.now().isBefore(end) || !(seen(answers, 201) && seen(answers, 503))
                            && Instant.now().isBefore(deadline)) {
                        answers.add(as(assessor).contentType(ContentType.JSON).body(inventory).when().post(ASSESSMENTS));
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

        long unavailable = answers.stream().filter(r -> r.statusCode() == 503).count();
        assertTrue(terminated > 0 && unavailable > 0, "connections were ended under the requests: " + terminated
                + " terminated, " + unavailable + " answers 503");
        List<String> acknowledged = new ArrayList<>();
        for (Response answer : answers) {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 503, () -> answer.statusCode() + " " + answer.asString());
            if (answer.statusCode() == 503) {
                assertEquals("application/problem+json", answer.contentType());
                assertTrue(answer.header("Retry-After") != null, "a 503 says when to try again");
            } else {
                acknowledged.add(answer.path("id"));
            }
        }
        assertTrue(!acknowledged.isEmpty(), "assessments were stored between the terminations");

        Instant deadline = Instant.now().plusSeconds(30);
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "readiness did not come back within 30 s");
        }
        for (String id : acknowledged) {
            as(assessor).when().get(ASSESSMENTS + "/" + id).then().statusCode(200);
        }
    }

    private static boolean seen(List<Response> answers, int status) {
        return answers.stream().anyMatch(answer -> answer.statusCode() == status);
    }
}

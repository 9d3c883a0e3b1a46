package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

/** POST /assessments with an Idempotency-Key: safe to retry, and never two results for one key. */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";
    private static final String MUNICIPALITY = resource("assessments/municipality.json");

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameAssessment() {
        String key = UUID.randomUUID().toString();
        long before = count(Tokens.assessor());
        Response first = postJson(Tokens.assessor(), key, MUNICIPALITY);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = postJson(Tokens.assessor(), key, MUNICIPALITY);
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("result.organisation.score", equalTo(first.path("result.organisation.score")));
        assertEquals(before + 1, count(Tokens.assessor()), "one assessment stored for two requests");
    }

    @Test
    void anotherBodyUnderAUsedKeyIs422AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        String id = postJson(Tokens.assessor(), key, MUNICIPALITY).then().statusCode(201).extract().path("id");
        long before = count(Tokens.assessor());
        postJson(Tokens.assessor(), key, MUNICIPALITY.replace("Municipality baseline 2026", "Another baseline"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(KEY));
        assertEquals(before, count(Tokens.assessor()));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(200)
                .body("name", equalTo("Municipality baseline 2026"));
    }

    @Test
    void filesAreFingerprintedWithTheirParameters() {
        String key = UUID.randomUUID().toString();
        String csv = resource("assessments/municipality.csv");
        String id = postCsv(key, "Ville d'Exemple", csv).then().statusCode(201).extract().path("id");
        postCsv(key, "Ville d'Exemple", csv).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id));
        postCsv(key, "Another town", csv).then().statusCode(422);
    }

    @Test
    void keysBelongToTheirOrganisation() {
        String key = UUID.randomUUID().toString();
        String ours = postJson(Tokens.assessor(), key, MUNICIPALITY).then().statusCode(201).extract().path("id");
        String theirs = postJson(Tokens.otherOrgAssessor(), key, MUNICIPALITY).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(ours, theirs);
    }

    @Test
    void aKeyMustBeShortVisibleAscii() {
        postJson(Tokens.assessor(), "k".repeat(129), MUNICIPALITY).then().statusCode(400)
                .contentType("application/problem+json");
        postJson(Tokens.assessor(), "with space", MUNICIPALITY).then().statusCode(400);
    }

    @Test
    void theSameKeySentTwiceAtOnceStoresOneAssessment() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = count(Tokens.assessor());
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return postJson(Tokens.assessor(), key, MUNICIPALITY);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> response : responses) {
                Response answer = response.get(60, TimeUnit.SECONDS);
                answer.then().statusCode(201);
                ids.add(answer.path("id"));
            }
            assertEquals(1, ids.size(), "both requests name the same assessment: " + ids);
            assertEquals(before + 1, count(Tokens.assessor()));
        } finally {
            clients.shutdownNow();
        }
    }

    private static Response postJson(String token, String key, String body) {
        return as(token).header(KEY, key).contentType(ContentType.JSON).body(body).when().post(ASSESSMENTS);
    }

    private static Response postCsv(String key, String organisation, String csv) {
        return as(Tokens.assessor()).header(KEY, key).contentType("text/csv").queryParam("organisation", organisation)
                .body(csv).when().post(ASSESSMENTS + "/csv");
    }

    private static long count(String token) {
        return ((Number) as(token).queryParam("size", 1).when().get(ASSESSMENTS).then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }
}

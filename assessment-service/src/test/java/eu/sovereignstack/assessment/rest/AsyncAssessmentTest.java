package eu.sovereignstack.assessment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.createMunicipality;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.assessment.domain.AssessmentJob;
import eu.sovereignstack.assessment.repository.JobRepository;
import eu.sovereignstack.assessment.service.AssessmentJobs;

/**
 * Prefer: respond-async: the request is answered 202 at once and a worker assesses it; the
 * result is the one the request itself would have computed. A job whose replica died is run again.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class AsyncAssessmentTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    JobRepository jobs;

    @Test
    void aJobEndsWithTheResultTheRequestWouldHaveComputed() {
        String direct = createMunicipality(Tokens.assessor());
        JsonPath expected = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + direct).then().statusCode(200).extract().jsonPath();

        Response accepted = as(Tokens.assessor()).header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json")).when().post(ASSESSMENTS);
        accepted.then().statusCode(202)
                .header("Preference-Applied", "respond-async")
                .header("Retry-After", "2")
                .body("state", oneOf("queued", "running", "done"))
                .body("items", is(expected.getList("result.items").size()));
        String location = accepted.header("Location");
        String id = accepted.path("id");
        assertTrue(location.endsWith("/api/v1/assessments/" + id), location);

        JsonPath done = awaitDone(id);
        assertEquals(expected.getMap("result.organisation"), done.getMap("result.organisation"));
        assertEquals(expected.getList("result.items"), done.getList("result.items"));
        assertEquals(expected.getList("result.waves"), done.getList("result.waves"));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/status").then().statusCode(200)
                .body("state", is("done")).body("progress", is(100))
                .body("assessment", is("/api/v1/assessments/" + id));
        // The job asked the catalog with the service's own token: its caller's had ended.
        CatalogStub.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/products/resolve"))
                .withHeader("Authorization", equalTo("Bearer " + CatalogStub.SERVICE_TOKEN)));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("sovereign_assessments_total{mode=\"async\",outcome=\"done\"}"));
    }

    @Test
    void aJobRunsInATraceOfItsOwnThatItsLogLinesAndCatalogCallsCarry() {
        List<String[]> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // Read on the logging thread, where the job's MDC is set.
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                lines.add(new String[] {message, MDC.get("traceId")});
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jobsLog = Logger.getLogger(AssessmentJobs.class.getName());
        jobsLog.addHandler(capture);
        try {
            String id = as(Tokens.assessor()).contentType(ContentType.JSON).header("Prefer", "respond-async")
                    .body(resource("assessments/municipality.json")).when().post(ASSESSMENTS)
                    .then().statusCode(202).extract().path("id");
            awaitDone(id);
            String traceId = lines.stream().filter(line -> line[0].equals("assessment job " + id + " done"))
                    .map(line -> line[1]).filter(trace -> trace != null).findFirst()
                    .orElseThrow(() -> new AssertionError("no log line of the job's end with a trace id"));
            assertTrue(traceId.matches("[0-9a-f]{32}") && !traceId.matches("0+"), traceId);
            assertTrue(CatalogStub.server().getAllServeEvents().stream()
                            .filter(event -> event.getRequest().getUrl().startsWith("/api/v1/products/resolve"))
                            .anyMatch(event -> String.valueOf(event.getRequest().getHeader("traceparent"))
                                    .startsWith("00-" + traceId + "-")),
                    "the job's catalog call is a span of the job's trace " + traceId);
        } finally {
            jobsLog.removeHandler(capture);
        }
    }

    @Test
    void aBadRequestIsRefusedAtOnceNotQueued() {
        as(Tokens.assessor()).header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json").replaceFirst("\\{", "{\"profile\": \"no-such-profile\","))
                .when().post(ASSESSMENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("profile"));
    }

    @Test
    void anotherOrganisationSeesNothingOfAJob() {
        String id = as(Tokens.assessor()).header("Prefer", "respond-async").contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json")).when().post(ASSESSMENTS).then().statusCode(202).extract().path("id");
        as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(404);
        as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id + "/status").then().statusCode(404);
        as(Tokens.otherOrgAdmin()).when().post(ASSESSMENTS + "/" + id + "/cancel").then().statusCode(404);
        as(Tokens.partnerAssessor()).when().get(ASSESSMENTS + "/" + id + "/status").then().statusCode(404);
        awaitDone(id);
    }

    @Test
    void aJobWhoseReplicaDiedIsRunAgainAndEndsOnce() {
        // A job claimed by a replica that then died: running, its heartbeat long stopped.
        UUID id = UUID.randomUUID();
        String inventory = resource("assessments/municipality.json");
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentJob job = new AssessmentJob();
            job.id = id;
            job.tenant = "https://server.example.com|" + Tokens.MUNICIPALITY;
            job.issuer = "https://server.example.com";
            job.organisation = Tokens.MUNICIPALITY;
            job.createdBy = "assessor";
            job.itemCount = 6;
            // Plain JSON, as jobs queued before requests were compressed hold it: still read.
            job.request = ("{\"name\":\"orphan\",\"inventory\":" + inventoryOf(inventory) + ",\"inputFormat\":\"json\"}")
                    .getBytes(StandardCharsets.UTF_8);
            job.state = AssessmentJob.State.RUNNING;
            job.worker = "a-replica-that-died";
            job.attempts = 1;
            job.createdAt = Instant.now().minusSeconds(600);
            job.startedAt = job.createdAt;
            job.heartbeatAt = job.createdAt;
            jobs.persist(job);
        });
        JsonPath done = awaitDone(id.toString());
        assertEquals("orphan", done.getString("name"));
        AssessmentJob finished = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
        assertEquals(AssessmentJob.State.DONE, finished.state);
        assertEquals(2, finished.attempts, "claimed once more");
        assertTrue(!finished.worker.equals("a-replica-that-died"));
    }

    /** The inventory part ({organisation, items}) of a JSON request body. */
    private static String inventoryOf(String body) {
        JsonPath request = JsonPath.from(body);
        return new ObjectMapper().valueToTree(Map.of(
                "organisation", request.getMap("organisation"), "items", request.getList("items"))).toString();
    }

    /** Polls the assessment as a client would (its Location) until it is done: 202 meanwhile, then 200. */
    static JsonPath awaitDone(String id) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id);
            assertTrue(last[0].statusCode() == 200 || last[0].statusCode() == 202, last[0]::asString);
            return last[0].statusCode() == 200;
        });
        return last[0].jsonPath();
    }
}

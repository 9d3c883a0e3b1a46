package eu.sovereignstack.assessment.rest;

import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.ASSESSMENTS;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.as;
import static eu.sovereignstack.assessment.rest.AssessmentResourceTest.resource;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.assessment.domain.AssessmentJob;
import eu.sovereignstack.assessment.repository.JobRepository;

/**
 * Jobs that wait: this replica runs no worker, so they stay queued. A large inventory is queued
 * without being asked; its owner (or an org-admin) cancels it; two workers claiming at once
 * never get the same job; a worker that lost its job cannot complete it.
 */
@QuarkusTest
@TestProfile(QueuedJobsTest.NoWorkers.class)
@QuarkusTestResource(value = CatalogStub.class, restrictToAnnotatedClass = true)
class QueuedJobsTest {

    /** No worker here, and inventories of more than three items run as jobs. */
    public static class NoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessment.jobs.workers", "0", "assessment.jobs.async-above", "3");
        }
    }

    @Inject
    JobRepository jobs;

    private static String submit(String token) {
        return as(token).contentType(ContentType.JSON).body(resource("assessments/municipality.json"))
                .when().post(ASSESSMENTS)
                .then().statusCode(202).body("state", is("queued")).body("progress", is(0))
                .extract().path("id");
    }

    @Test
    void aLargeInventoryIsQueuedWithoutBeingAsked() {
        String id = submit(Tokens.assessor());
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(202).header("Retry-After", "2")
                .body("state", is("queued"));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/items").then().statusCode(404);
    }

    @Test
    void theSubmitterOrAnOrgAdminCancelsAndNothingElseCan() {
        String id = submit(Tokens.assessor());
        as(Tokens.viewer()).when().post(ASSESSMENTS + "/" + id + "/cancel").then().statusCode(403);
        String colleague = Tokens.ASSESSMENT.token("colleague", Tokens.MUNICIPALITY, "assessor", "catalog-viewer");
        as(colleague).when().post(ASSESSMENTS + "/" + id + "/cancel").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.assessor()).when().post(ASSESSMENTS + "/" + id + "/cancel").then().statusCode(200).body("state", is("cancelled"));
        as(Tokens.assessor()).when().post(ASSESSMENTS + "/" + id + "/cancel").then().statusCode(409);
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(409).contentType("application/problem+json");

        String other = submit(Tokens.assessor());
        as(Tokens.orgAdmin()).when().post(ASSESSMENTS + "/" + other + "/cancel").then().statusCode(200).body("state", is("cancelled"));
    }

    @Test
    void anIdempotentRetryGetsTheSameJob() {
        String key = "retry-" + UUID.randomUUID();
        String first = as(Tokens.assessor()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json")).when().post(ASSESSMENTS).then().statusCode(202).extract().path("id");
        as(Tokens.assessor()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json")).when().post(ASSESSMENTS)
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", is(first));
        as(Tokens.assessor()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json").replace("Municipality baseline 2026", "Another baseline")).when().post(ASSESSMENTS)
                .then().statusCode(422);
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameJob() throws Exception {
        submit(Tokens.assessor());
        submit(Tokens.assessor());
        CountDownLatch bothClaimed = new CountDownLatch(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<UUID>> first = workers.submit(() -> claimAndHold("worker-one", bothClaimed));
            Future<Optional<UUID>> second = workers.submit(() -> claimAndHold("worker-two", bothClaimed));
            Optional<UUID> one = first.get(20, TimeUnit.SECONDS);
            Optional<UUID> two = second.get(20, TimeUnit.SECONDS);
            assertTrue(one.isPresent() && two.isPresent(), "each worker claimed a job while the other held its own");
            assertNotEquals(one.get(), two.get());

            // A worker that lost its job (cancelled meanwhile) cannot complete it.
            QuarkusTransaction.requiringNew().run(() -> jobs.cancel(one.get()));
            assertFalse(QuarkusTransaction.requiringNew().call(() -> jobs.finish(one.get(), "worker-one", AssessmentJob.State.DONE, null)));
            assertFalse(QuarkusTransaction.requiringNew().call(() -> jobs.finish(two.get(), "worker-one", AssessmentJob.State.DONE, null)),
                    "nor one it never held");
            assertTrue(QuarkusTransaction.requiringNew().call(() -> jobs.finish(two.get(), "worker-two", AssessmentJob.State.DONE, null)));
            assertEquals(AssessmentJob.State.CANCELLED, QuarkusTransaction.requiringNew().call(() -> jobs.findById(one.get()).state));
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aJobHandedBackByAStoppingReplicaIsQueuedAgainWithoutUsingAnAttempt() {
        UUID id = UUID.fromString(submit(Tokens.assessor()));
        Optional<UUID> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(() -> jobs.claim("stopping-replica", Duration.ofMinutes(10)));
        } while (claimed.isPresent() && !claimed.get().equals(id));
        assertEquals(Optional.of(id), claimed);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).attempts));

        assertFalse(QuarkusTransaction.requiringNew().call(() -> jobs.handBack(id, "another-replica")), "only its holder hands it back");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> jobs.handBack(id, "stopping-replica")));
        AssessmentJob queued = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
        assertEquals(AssessmentJob.State.QUEUED, queued.state);
        assertEquals(0, queued.attempts);
        assertEquals(null, queued.worker);
    }

    /** Claims in a transaction held open until the other worker has claimed too (its row stays locked meanwhile). */
    private Optional<UUID> claimAndHold(String worker, CountDownLatch bothClaimed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<UUID> claimed = jobs.claim(worker, Duration.ofMinutes(10));
            bothClaimed.countDown();
            bothClaimed.await(10, TimeUnit.SECONDS);
            return claimed;
        });
    }
}

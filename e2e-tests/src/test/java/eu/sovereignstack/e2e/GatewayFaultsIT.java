package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static eu.sovereignstack.e2e.support.SovereignStack.FAULT_BREAKER_FAILURES;
import static eu.sovereignstack.e2e.support.SovereignStack.FAULT_BREAKER_RESET;
import static eu.sovereignstack.e2e.support.SovereignStack.FAULT_RATE_CAPACITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * The fault gateway: its catalog answers later than its response timeout, nothing listens
 * where its assessment-service should be, and callers get only a few requests. Each test uses
 * its own user, since the rate limit counts per caller.
 */
@SovereignStackTest
class GatewayFaultsIT {

    private final Api faultGateway;

    GatewayFaultsIT(SovereignStack stack) {
        this.faultGateway = stack.faultGateway();
    }

    @Test
    void aBackendThatAnswersTooLateIs504() {
        Reply reply = faultGateway.as(User.VIEWER).get("/api/v1/catalog/products");
        assertProblem(reply, 504, "timeout");
    }

    @Test
    void anUnreachableBackendIs502UntilTheBreakerOpensThen503WithRetryAfter() {
        Api.Request assessor = faultGateway.as(User.ASSESSOR);
        for (int attempt = 1; attempt <= FAULT_BREAKER_FAILURES; attempt++) {
            assertProblem(assessor.get("/api/v1/assessments"), 502, "bad-gateway");
        }
        Reply paused = assessor.get("/api/v1/assessments");
        assertProblem(paused, 503, "unavailable");
        assertEquals(String.valueOf(FAULT_BREAKER_RESET.toSeconds()), paused.header("Retry-After").orElse(null), paused::toString);
    }

    @Test
    void aCallerOverItsRateLimitIs429WithRetryAfter() {
        // A path no route serves: the gateway answers itself (404), after counting the request.
        Api.Request editor = faultGateway.as(User.EDITOR);
        for (int request = 1; request <= FAULT_RATE_CAPACITY; request++) {
            assertProblem(editor.get("/api/v1/nowhere"), 404, "not-found");
        }
        Reply limited = editor.get("/api/v1/nowhere");
        assertProblem(limited, 429, "too-many-requests");
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1, limited::toString);
    }
}

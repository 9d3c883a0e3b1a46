package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/** What the gateway itself adds: request ids and the body limit. */
@SovereignStackTest
class GatewayIT {

    private static final String PRODUCTS = "/api/v1/catalog/products";
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final Api gateway;

    GatewayIT(SovereignStack stack) {
        this.gateway = stack.gateway();
    }

    @Test
    void aSaneRequestIdIsEchoed() {
        String id = "e2e-" + UUID.randomUUID();
        Reply reply = gateway.as(User.VIEWER).header("X-Request-Id", id).get(PRODUCTS);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(id, reply.header("X-Request-Id").orElse(null));

        Reply problem = gateway.anonymous().header("X-Request-Id", id).get(PRODUCTS);
        assertEquals(401, problem.status(), problem::toString);
        assertEquals(id, problem.header("X-Request-Id").orElse(null), "errors carry it too");
    }

    @Test
    void anInsaneRequestIdIsReplaced() {
        String insane = "not sane; <script>";
        Reply reply = gateway.as(User.VIEWER).header("X-Request-Id", insane).get(PRODUCTS);
        assertEquals(200, reply.status(), reply::toString);
        String given = reply.header("X-Request-Id").orElse("");
        assertNotEquals(insane, given);
        assertTrue(given.matches("[A-Za-z0-9._:-]{8,128}"), "a fresh id: " + given);
    }

    @Test
    void aBodyOverSixtyFourMegabytesIs413() {
        byte[] body = new byte[MAX_BODY + 1];
        Arrays.fill(body, (byte) ' ');
        Reply reply = gateway.as(User.ASSESSOR).header("Content-Type", "application/json")
                .send("POST", "/api/v1/assessments", BodyPublishers.ofByteArray(body));
        assertProblem(reply, 413, "payload-too-large");
    }
}

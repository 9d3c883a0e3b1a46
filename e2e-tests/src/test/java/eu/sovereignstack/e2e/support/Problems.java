package eu.sovereignstack.e2e.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers, the one error body of the suite. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://sovereignstack.eu/problems/";

    private Problems() {
    }

    /**
     * The reply is a problem+json of this status and type ({@code forbidden}, {@code not-found}, ...)
     * with a detail for people; returns the problem for further checks.
     */
    public static JsonNode assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), () -> "status of " + reply);
        assertTrue(reply.contentType().startsWith(MEDIA_TYPE), () -> "content type of " + reply);
        JsonNode problem = reply.json();
        assertEquals(TYPES + type, problem.path("type").asText(), () -> "type of " + reply);
        assertEquals(status, problem.path("status").asInt(), () -> "status member of " + reply);
        assertFalse(problem.path("title").asText().isBlank(), () -> "title of " + reply);
        assertFalse(problem.path("detail").asText().isBlank(), () -> "detail of " + reply);
        return problem;
    }
}

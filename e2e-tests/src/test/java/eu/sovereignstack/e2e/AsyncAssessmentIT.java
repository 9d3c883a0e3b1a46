package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.ASSESSMENTS;
import static eu.sovereignstack.e2e.Resources.submitMunicipality;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * An assessment run as a job, through the gateway, against the real catalog: 202 at once, then
 * the Location answers 202 until the worker (which asks the catalog with the service's own
 * token from the realm) has stored the same result the request would have computed.
 */
@SovereignStackTest
class AsyncAssessmentIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Api gateway;

    AsyncAssessmentIT(SovereignStack stack) {
        this.gateway = stack.gateway();
    }

    @Test
    void aJobAnswers202ThenTheResultTheRequestWouldHaveGiven() {
        Reply direct = submitMunicipality(gateway.as(User.ASSESSOR));
        assertEquals(201, direct.status(), direct::toString);

        Reply accepted = submitMunicipality(gateway.as(User.ASSESSOR).header("Prefer", "respond-async"));
        assertEquals(202, accepted.status(), accepted::toString);
        assertEquals("respond-async", accepted.header("Preference-Applied").orElse(null));
        String id = accepted.json().path("id").asText();
        URI location = URI.create(accepted.header("Location").orElseThrow(() -> new AssertionError("no Location: " + accepted)));
        assertEquals(ASSESSMENTS + "/" + id, location.getPath());

        Reply[] last = new Reply[1];
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = gateway.as(User.ASSESSOR).get(location.getPath());
            assertTrue(last[0].status() == 200 || last[0].status() == 202, last[0]::toString);
            return last[0].status() == 200;
        });
        JsonNode done = last[0].json();
        assertEquals(direct.json().path("result").path("organisation"), done.path("result").path("organisation"));
        assertEquals(direct.json().path("result").path("waves"), done.path("result").path("waves"));

        Reply status = gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id + "/status");
        assertEquals(200, status.status(), status::toString);
        assertEquals("done", status.json().path("state").asText());
        assertEquals(100, status.json().path("progress").asInt());

        // Read back without the whole body: a summary, and the items two by two.
        Reply summary = gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id + "/summary");
        assertEquals(200, summary.status(), summary::toString);
        assertEquals(done.path("result").path("organisation"), summary.json().path("organisation"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Reply items = gateway.as(User.ASSESSOR).get(ASSESSMENTS + "/" + id + "/items?size=2&page=" + page);
            assertEquals(200, items.status(), items::toString);
            paged.addAll(Json.texts(items.json().path("items"), "id"));
        }
        assertEquals(Json.texts(done.path("result").path("items"), "id"), paged);
    }

    @Test
    void anotherOrganisationCannotSeeOrCancelTheJob() {
        Reply accepted = submitMunicipality(gateway.as(User.ASSESSOR).header("Prefer", "respond-async"));
        assertEquals(202, accepted.status(), accepted::toString);
        String id = accepted.json().path("id").asText();
        assertEquals(404, gateway.as(User.AGENCY_ASSESSOR).get(ASSESSMENTS + "/" + id + "/status").status());
        assertEquals(404, gateway.as(User.AGENCY_ADMIN).postJson(ASSESSMENTS + "/" + id + "/cancel", "{}").status());
        assertEquals(404, gateway.as(User.PARTNER_ASSESSOR).get(ASSESSMENTS + "/" + id).status());
    }
}

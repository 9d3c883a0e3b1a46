package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Poll;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStack.ExtraService;
import eu.sovereignstack.e2e.support.SovereignStack.PeerNode;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * Three catalog nodes on loopback with the real Keycloak: the suite's (the sovereign member's,
 * behind the gateway), the partner member's, and a node of public reference data. Each follows
 * the others' change feeds every second with a client-credentials token of its own realm.
 */
@SovereignStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationIT {

    private static final Duration WITHIN_SYNC = Duration.ofSeconds(20);
    private static final Duration NODE_DEADLINE = Duration.ofSeconds(120);
    private static final String CATALOG = "/api/v1/catalog";
    /** The one seed product the partner asserts differently on purpose; the nodes' exports differ there by design. */
    private static final String CONTESTED = "nextcloud";

    private final SovereignStack stack;
    private final Api sovereign;
    private ExtraService partner;
    private ExtraService publicData;

    FederationIT(SovereignStack stack) {
        this.stack = stack;
        this.sovereign = stack.gateway();
    }

    @BeforeAll
    void startThePeerNodes() {
        partner = stack.startPeerNode(PeerNode.PARTNER);
        publicData = stack.startPeerNode(PeerNode.PUBLIC);
        partner.awaitOk("/q/health/ready", NODE_DEADLINE);
        publicData.awaitOk("/q/health/ready", NODE_DEADLINE);
    }

    @AfterAll
    void stopThePeerNodes() {
        if (partner != null) {
            partner.close();
        }
        if (publicData != null) {
            publicData.close();
        }
    }

    @Test
    void anEntryCreatedChangedAndDeletedOnOneNodeAppearsChangesAndDisappearsOnTheOthers() {
        String slug = uniqueSlug("federated");
        Reply created = partner.api().as(User.PARTNER_EDITOR).postJson("/api/v1/products", product(slug, "Partner Drive"));
        assertEquals(201, created.status(), created::toString);
        assertEquals("partner", created.json().path("origin").path("node").asText());

        JsonNode mirrored = awaitProduct(sovereign, CATALOG, slug, p -> p.path("name").asText().equals("Partner Drive"));
        assertEquals("partner", mirrored.path("origin").path("node").asText(), mirrored::toString);
        assertEquals(stack.tokens().issuer(User.Realm.PARTNER), mirrored.path("origin").path("member").asText());
        assertTrue(mirrored.path("origin").path("mirrored").asBoolean(), mirrored::toString);
        awaitProduct(publicData.api(), "/api/v1", slug, p -> p.path("origin").path("node").asText().equals("partner"));

        Reply renamed = partner.api().as(User.PARTNER_EDITOR).mergePatch("/api/v1/products/" + slug, Map.of("name", "Partner Drive 2"));
        assertEquals(200, renamed.status(), renamed::toString);
        awaitProduct(sovereign, CATALOG, slug, p -> p.path("name").asText().equals("Partner Drive 2"));
        awaitProduct(publicData.api(), "/api/v1", slug, p -> p.path("name").asText().equals("Partner Drive 2"));

        Reply deleted = partner.api().as(User.PARTNER_EDITOR).delete("/api/v1/products/" + slug);
        assertEquals(204, deleted.status(), deleted::toString);
        awaitGone(sovereign, CATALOG, slug);
        awaitGone(publicData.api(), "/api/v1", slug);
    }

    @Test
    void aPublicSourceImportedOnTheNodeOfPublicDataReachesEveryNode() {
        Reply preview = publicData.api().as(User.PLATFORM_ADMIN)
                .postJson("/api/v1/sources/sovereignsky/providers?version=e5fe17a6e517cca31a0bd1e1a27b325e27ac7469",
                        Json.read(Resources.text("sources/sovereignsky-datacenters-sample.json")));
        assertEquals(200, preview.status(), preview::toString);
        assertTrue(preview.json().path("dryRun").asBoolean(), preview::toString);
        assertEquals(List.of("hetzner"), Json.strings(preview.json().path("besideOwn")), "every node holds Hetzner in its seed");
        Reply imported = publicData.api().as(User.PLATFORM_ADMIN)
                .postJson("/api/v1/sources/sovereignsky/providers?version=e5fe17a6e517cca31a0bd1e1a27b325e27ac7469&dryRun=false",
                        Json.read(Resources.text("sources/sovereignsky-datacenters-sample.json")));
        assertEquals(200, imported.status(), imported::toString);

        JsonNode telia = awaitProvider(sovereign, CATALOG, "telia");
        assertEquals("public", telia.path("origin").path("node").asText(), telia::toString);
        assertEquals("https://github.com/terchris/sovereignsky-site", telia.path("origin").path("member").asText());
        assertEquals("IMPORTED", telia.path("evidence").path("dataLocations").path("method").asText());
        assertEquals("public", awaitProvider(partner.api(), "/api/v1", "verne").path("origin").path("node").asText());
        assertProblem(partner.api().as(User.PARTNER_EDITOR).mergePatch("/api/v1/providers/telia", Map.of("name", "Taken")), 403,
                "forbidden");
    }

    @Test
    void aMemberCannotChangeAnotherMembersEntryOnAnyNode() {
        String ours = uniqueSlug("sovereign");
        assertEquals(201, sovereign.as(User.EDITOR).postJson(CATALOG + "/products", product(ours, "Sovereign Drive")).status());
        String theirs = uniqueSlug("partner");
        assertEquals(201, partner.api().as(User.PARTNER_EDITOR).postJson("/api/v1/products", product(theirs, "Partner Box")).status());
        awaitProduct(partner.api(), "/api/v1", ours, p -> true);
        awaitProduct(sovereign, CATALOG, theirs, p -> true);

        // On its own node, another member's editor is refused; on a node that mirrors it, everyone is.
        assertProblem(partner.api().as(User.EDITOR).mergePatch("/api/v1/products/" + theirs, Map.of("name", "Taken")), 403, "forbidden");
        assertProblem(sovereign.as(User.PARTNER_EDITOR).mergePatch(CATALOG + "/products/" + ours, Map.of("name", "Taken")), 403,
                "forbidden");
        assertProblem(partner.api().as(User.PARTNER_EDITOR).mergePatch("/api/v1/products/" + ours, Map.of("name", "Taken")), 403,
                "forbidden");
        assertProblem(sovereign.as(User.PARTNER_EDITOR).delete(CATALOG + "/products/" + theirs), 403, "forbidden");
        assertProblem(sovereign.as(User.EDITOR).delete(CATALOG + "/products/" + theirs), 403, "forbidden");
        assertEquals("Partner Box", sovereign.as(User.VIEWER).get(CATALOG + "/products/" + theirs).json().path("name").asText());
    }

    @Test
    void theFeedIsRefusedWithoutAWrongOrAnUntrustedRealmsTokenAndToViewers() {
        assertProblem(partner.api().anonymous().get("/api/v1/changes"), 401, "unauthenticated");
        assertProblem(partner.api().withToken("not-a-token").get("/api/v1/changes"), 401, "unauthenticated");
        assertProblem(partner.api().withToken(stack.tokens().masterRealmToken()).get("/api/v1/changes"), 401, "unauthenticated");
        assertProblem(partner.api().as(User.PARTNER_VIEWER).get("/api/v1/changes"), 403, "forbidden");
    }

    @Test
    void aNodeStoppedWhileChangesAreMadeCatchesUpWithTheSameExport() {
        publicData.close();
        String created = uniqueSlug("while-away");
        String changed = uniqueSlug("changed-away");
        assertEquals(201, partner.api().as(User.PARTNER_EDITOR).postJson("/api/v1/products", product(changed, "Before")).status());
        assertEquals(201, sovereign.as(User.EDITOR).postJson(CATALOG + "/products", product(created, "Made while away")).status());
        assertEquals(200, partner.api().as(User.PARTNER_EDITOR).mergePatch("/api/v1/products/" + changed, Map.of("name", "After"))
                .status());

        publicData = stack.startPeerNode(PeerNode.PUBLIC);
        publicData.awaitOk("/q/health/ready", NODE_DEADLINE);
        awaitProduct(publicData.api(), "/api/v1", created, p -> true);
        awaitProduct(publicData.api(), "/api/v1", changed, p -> p.path("name").asText().equals("After"));
        awaitProduct(sovereign, CATALOG, changed, p -> p.path("name").asText().equals("After"));

        JsonNode fromPublic = comparable(publicData.api().as(User.VIEWER).get("/api/v1/export"));
        JsonNode fromPartner = comparable(partner.api().as(User.VIEWER).get("/api/v1/export"));
        for (String part : List.of("products", "providers", "offerings", "alternatives")) {
            assertEquals(fromPartner.path(part).size(), fromPublic.path(part).size(), part + ": as many entries on both nodes");
            for (int i = 0; i < fromPartner.path(part).size(); i++) {
                assertEquals(fromPartner.path(part).get(i), fromPublic.path(part).get(i), part + "[" + i + "] differs between the nodes");
            }
        }
    }

    @Test
    void conflictingAssertionsAreBothVisibleAndTheAssessmentNamesTheOneItUsed() {
        String description = "Nextcloud as the partner member describes it (" + UUID.randomUUID() + ")";
        Reply asserted = partner.api().as(User.PARTNER_EDITOR).mergePatch("/api/v1/products/" + CONTESTED,
                Map.of("description", description));
        assertEquals(200, asserted.status(), asserted::toString);

        JsonNode shown = awaitProduct(sovereign, CATALOG, CONTESTED, p -> Json.texts(p.path("assertions"), "description")
                .contains(description));
        assertEquals("sovereign", shown.path("origin").path("node").asText(), "the node's own entry stays the one shown");
        assertTrue(!shown.path("description").asText().equals(description), shown::toString);
        JsonNode partnersView = Json.find(shown.path("assertions"), "description", description);
        assertEquals("partner", partnersView.path("origin").path("node").asText());
        assertEquals(stack.tokens().issuer(User.Realm.PARTNER), partnersView.path("origin").path("member").asText());

        assertEquals("partner", factsFrom(User.PARTNER_ASSESSOR).path("node").asText(), "the partner's organisation uses its member's");
        assertEquals("sovereign", factsFrom(User.ASSESSOR).path("node").asText(), "the sovereign member's uses its own");
    }

    @Test
    void aMemberIsTrustedByConfigurationAlone() {
        // The partner's realm listed as a member in the environment's list instead of the built-in tenant.
        String sovereignRealm = stack.tokens().issuer(User.Realm.SOVEREIGN);
        try (ExtraService listed = stack.startExtraCatalog("catalog-members-listed", Map.of(
                        "sovereign.oidc.url", sovereignRealm,
                        "sovereign.oidc.partner-enabled", "false",
                        "sovereign.federation.members", "second=" + stack.tokens().issuer(User.Realm.PARTNER)));
                ExtraService unlisted = stack.startExtraCatalog("catalog-members-unlisted", Map.of(
                        "sovereign.oidc.url", sovereignRealm,
                        "sovereign.oidc.partner-enabled", "false"))) {
            listed.awaitOk("/q/health/ready", NODE_DEADLINE);
            unlisted.awaitOk("/q/health/ready", NODE_DEADLINE);
            Reply trusted = listed.api().as(User.PARTNER_VIEWER).get("/api/v1/products/nextcloud");
            assertEquals(200, trusted.status(), trusted::toString);
            assertProblem(unlisted.api().as(User.PARTNER_VIEWER).get("/api/v1/products/nextcloud"), 401, "unauthenticated");
            assertEquals(200, unlisted.api().as(User.VIEWER).get("/api/v1/products/nextcloud").status());
        }
    }

    /** Whose facts about the contested product an assessment by this user's organisation used. */
    private JsonNode factsFrom(User assessor) {
        Map<String, Object> inventory = Map.of(
                "name", "Federation check",
                "organisation", Map.of("name", "Ville d'Exemple", "sector", "public-administration", "country", "FR"),
                "items", List.of(Map.of("id", "files", "name", "Nextcloud", "deployment", Map.of("model", "SELF_HOSTED"))));
        Reply created = sovereign.as(assessor).postJson("/api/v1/assessments", inventory);
        assertEquals(201, created.status(), created::toString);
        return created.json().path("result").path("items").path(0).path("factsFrom");
    }

    /** The export without what differs by node and not by fact: entries' origins and local versions; sorted. */
    private static JsonNode comparable(Reply export) {
        assertEquals(200, export.status(), export::toString);
        ObjectNode result = Json.MAPPER.createObjectNode();
        for (String part : List.of("products", "providers", "offerings", "alternatives")) {
            List<JsonNode> entries = new ArrayList<>();
            export.json().path(part).forEach(entry -> {
                ObjectNode copy = entry.deepCopy();
                copy.remove(List.of("origin", "version"));
                if (!CONTESTED.equals(copy.path("slug").asText())) {
                    entries.add(copy);
                }
            });
            entries.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = result.putArray(part);
            entries.forEach(sorted::add);
        }
        return result;
    }

    private static JsonNode awaitProduct(Api node, String prefix, String slug, Predicate<JsonNode> condition) {
        Reply last = Poll.until(() -> node.as(User.VIEWER).get(prefix + "/products/" + slug),
                reply -> reply.status() == 200 && condition.test(reply.json()), WITHIN_SYNC);
        assertTrue(last.status() == 200 && condition.test(last.json()), () -> node.base() + " did not show " + slug + " as expected in "
                + WITHIN_SYNC.toSeconds() + " s: " + last);
        return last.json();
    }

    private static JsonNode awaitProvider(Api node, String prefix, String slug) {
        Reply last = Poll.until(() -> node.as(User.VIEWER).get(prefix + "/providers/" + slug), reply -> reply.status() == 200,
                WITHIN_SYNC);
        assertEquals(200, last.status(), () -> node.base() + " did not show provider " + slug + ": " + last);
        return last.json();
    }

    private static void awaitGone(Api node, String prefix, String slug) {
        Reply last = Poll.until(() -> node.as(User.VIEWER).get(prefix + "/products/" + slug), reply -> reply.status() == 404, WITHIN_SYNC);
        assertEquals(404, last.status(), () -> node.base() + " still shows " + slug + ": " + last);
    }

    private static Map<String, Object> product(String slug, String name) {
        return Map.of(
                "slug", slug,
                "name", name,
                "kind", "SOFTWARE",
                "category", "file-sync-share",
                "description", "File sync and share server, asserted by a federation member in the end-to-end tests.",
                "steward", Map.of("name", "Example e.V.", "country", "DE"),
                "licence", "AGPL-3.0-or-later",
                "governance", "COMMUNITY",
                "deploymentModels", List.of("SELF_HOSTED"),
                "factsAsOf", "2026-12-01");
    }

    private static String uniqueSlug(String prefix) {
        return "e2e-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

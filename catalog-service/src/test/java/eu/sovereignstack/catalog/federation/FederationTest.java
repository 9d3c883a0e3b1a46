package eu.sovereignstack.catalog.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.TestProviders;
import eu.sovereignstack.testsupport.ContractValidation;
import eu.sovereignstack.testsupport.TestTokens;

/**
 * The node mirrors a peer by reading its change feed: what the peer's member creates, changes and
 * deletes appears, changes and disappears here as read-only entries that show their origin; a
 * change is applied once however often it is served; a peer that is away changes nothing here;
 * what this node holds as its own stays its own; mirrored entries are not published again.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
@QuarkusTestResource(value = FakePeer.class, restrictToAnnotatedClass = true)
class FederationTest {

    private static final String PARTNER_ISSUER = "https://partner.example.com";
    private static final String PRODUCTS = "/api/v1/products";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** Change ids of the fake feed: increasing across the tests, as a feed's are. */
    private static final AtomicLong IDS = new AtomicLong(100);

    @Inject
    PeerFollower follower;

    /** Set by {@link FakePeer}; the default only lets other test classes start without it. */
    @ConfigProperty(name = "fake-peer.url", defaultValue = "http://127.0.0.1:9")
    String fake;

    @AfterEach
    void peerBackToNormal() {
        control("mode", "normal");
    }

    private void control(String what, Object body) {
        given().header(ContractValidation.NOT_OUR_API, "fake peer").body(body).post(fake + "/control/" + what).then().statusCode(204);
    }

    private boolean sync() {
        return follower.sync(follower.peers().get(0));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> origin() {
        return Map.of("node", "partner", "member", PARTNER_ISSUER, "organisation", "partner-org", "mirrored", false, "stale", false);
    }

    /** A product as the partner's node shows it. */
    private static Map<String, Object> partnerProduct(String slug) {
        Map<String, Object> product = new HashMap<>(TestProducts.valid(slug));
        product.put("origin", origin());
        product.put("version", 0);
        product.put("openSource", true);
        return product;
    }

    private static Map<String, Object> change(String kind, String key, String operation, Integer version, Object patch) {
        Map<String, Object> change = new HashMap<>();
        change.put("id", IDS.incrementAndGet());
        change.put("kind", kind);
        change.put("key", key);
        change.put("operation", operation);
        change.put("at", "2026-12-03T09:00:00Z");
        if (version != null) {
            change.put("version", version);
        }
        if (patch != null) {
            change.put("patch", patch);
        }
        return change;
    }

    private void publish(Map<?, ?>... changes) {
        control("changes", List.of(changes));
    }

    @Test
    void anEntryCreatedChangedAndDeletedOnThePeerAppearsChangesAndDisappearsHere() {
        String slug = TestProducts.uniqueSlug("mirrored");
        publish(change("product", slug, "CREATED", 0, partnerProduct(slug)));
        assertTrue(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("origin.node", equalTo("partner"))
                .body("origin.member", equalTo(PARTNER_ISSUER))
                .body("origin.organisation", equalTo("partner-org"))
                .body("origin.mirrored", equalTo(true))
                .body("origin.version", equalTo(0))
                .body("origin.syncedAt", notNullValue())
                .body("origin.stale", equalTo(false));
        as(CatalogTokens.viewer()).queryParam("q", slug).get(PRODUCTS).then().statusCode(200)
                .body("items.slug", hasItem(slug));

        publish(change("product", slug, "UPDATED", 1, Map.of("name", "Renamed on the partner's node", "version", 1)));
        assertTrue(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("name", equalTo("Renamed on the partner's node"))
                .body("origin.version", equalTo(1));

        publish(change("product", slug, "DELETED", null, null));
        assertTrue(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + slug).then().statusCode(404);
    }

    @Test
    void aMirroredEntryIsReadOnlyHereForEveryone() {
        String slug = TestProducts.uniqueSlug("read-only");
        publish(change("product", slug, "CREATED", 0, partnerProduct(slug)));
        assertTrue(sync());
        TestTokens tokens = TestTokens.forAudience("catalog-service");
        String partnerEditor = tokens.fromPartner().token("partner-editor", "partner-org", "catalog-editor", "catalog-viewer");
        String nodeAdmin = tokens.token("platformadmin", "demo-municipality", "platform-admin", "catalog-editor", "catalog-viewer");
        for (String token : List.of(CatalogTokens.editor(), partnerEditor, nodeAdmin)) {
            as(token).contentType(MERGE_PATCH).body(Map.of("name", "Changed here")).patch(PRODUCTS + "/" + slug).then()
                    .statusCode(403).contentType("application/problem+json");
            as(token).delete(PRODUCTS + "/" + slug).then().statusCode(403);
        }
        as(CatalogTokens.editor()).body(TestProducts.valid(slug)).post(PRODUCTS).then().statusCode(409);
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + slug).then().statusCode(200).body("name", equalTo(TestProducts.valid(slug).get("name")));
    }

    @Test
    void aChangeServedAgainIsNotAppliedAgain() {
        String slug = TestProducts.uniqueSlug("once");
        publish(change("product", slug, "CREATED", 0, partnerProduct(slug)), change("product", slug, "DELETED", null, null));
        assertTrue(sync());
        long cursor = cursor();
        control("mode", "replay");
        assertTrue(sync());
        assertTrue(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + slug).then().statusCode(404);
        assertEquals(cursor, cursor());
    }

    @Test
    void aPeerThatIsAwayChangesNothingHereAndTheSyncResumesFromItsCursor() {
        String slug = TestProducts.uniqueSlug("away");
        publish(change("product", slug, "CREATED", 0, partnerProduct(slug)));
        assertTrue(sync());
        String syncedAt = peer().get("syncedAt").toString();

        control("mode", "down");
        String later = TestProducts.uniqueSlug("later");
        publish(change("product", later, "CREATED", 0, partnerProduct(later)));
        assertFalse(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + slug).then().statusCode(200).body("origin.syncedAt", equalTo(syncedAt));
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + later).then().statusCode(404);
        assertEquals("the peer answered 503", peer().get("error"));

        control("mode", "normal");
        assertTrue(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + later).then().statusCode(200).body("origin.mirrored", equalTo(true));
        assertEquals(null, peer().get("error"));
    }

    @Test
    void theFeedIsReadWithAClientCredentialsTokenOfTheNodesOwnRealm() {
        publish(change("product", TestProducts.uniqueSlug("token"), "CREATED", 0, partnerProduct(TestProducts.uniqueSlug("token"))));
        assertTrue(sync());
        List<String> seen = given().header(ContractValidation.NOT_OUR_API, "fake peer").get(fake + "/control/seen").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(seen.contains("token client_credentials"), seen.toString());
        assertFalse(seen.contains("token refused"), seen.toString());
        assertTrue(seen.contains("feed Bearer " + FakePeer.TOKEN), seen.toString());
    }

    @Test
    void whatThisNodeRefusesIsSkippedAndTheSyncGoesOn() {
        String refused = TestProducts.uniqueSlug("refused");
        Map<String, Object> unknownCategory = partnerProduct(refused);
        unknownCategory.put("category", "no-such-category");
        String accepted = TestProducts.uniqueSlug("accepted");
        String tooLong = "x".repeat(200);
        publish(change("product", refused, "CREATED", 0, unknownCategory), change("product", tooLong, "CREATED", 0, partnerProduct(tooLong)),
                change("product", accepted, "CREATED", 0, partnerProduct(accepted)));
        assertTrue(sync());
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + refused).then().statusCode(404);
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + accepted).then().statusCode(200);
    }

    @Test
    void aSlugThisNodeHoldsStaysItsOwnAndThePeersAssertionIsShownBesideIt() {
        Map<String, Object> claimed = partnerProduct("nextcloud");
        claimed.put("name", "Nextcloud as the partner sees it");
        claimed.put("factsAsOf", "2026-12-01");
        // A product the peer had before its feed began: only what it changed is known, the rest is this node's.
        publish(change("product", "nextcloud", "CREATED", 3, claimed),
                change("product", "jitsi-meet", "UPDATED", 2, Map.of("description", "Video meetings, as the partner describes them")));
        assertTrue(sync());
        String ownName = as(CatalogTokens.viewer()).get(PRODUCTS + "/nextcloud").then().statusCode(200)
                .body("name", not(equalTo("Nextcloud as the partner sees it")))
                .body("origin.mirrored", equalTo(false))
                .body("origin.node", equalTo("sovereign"))
                .body("assertions", hasSize(1))
                .body("assertions[0].name", equalTo("Nextcloud as the partner sees it"))
                .body("assertions[0].factsAsOf", equalTo("2026-12-01"))
                .body("assertions[0].origin.node", equalTo("partner"))
                .body("assertions[0].origin.member", equalTo(PARTNER_ISSUER))
                .body("assertions[0].origin.mirrored", equalTo(true))
                .body("assertions[0].origin.version", equalTo(3))
                .extract().path("name");
        as(CatalogTokens.viewer()).get(PRODUCTS + "/jitsi-meet").then().statusCode(200)
                .body("description", not(equalTo("Video meetings, as the partner describes them")))
                .body("assertions[0].description", equalTo("Video meetings, as the partner describes them"))
                .body("assertions[0].licence", equalTo(as(CatalogTokens.viewer()).get(PRODUCTS + "/jitsi-meet").path("licence")));
        as(CatalogTokens.viewer()).body(Map.of("items", List.of(Map.of("ref", "a", "slug", "nextcloud")))).post(PRODUCTS + "/resolve")
                .then().statusCode(200)
                .body("products.nextcloud.product.name", equalTo(ownName))
                .body("products.nextcloud.product.assertions[0].name", equalTo("Nextcloud as the partner sees it"));
    }

    @Test
    void providersAndOfferingsAreMirroredAndGoWithTheirProvider() {
        String provider = TestProducts.uniqueSlug("partner-cloud");
        Map<String, Object> providerView = new HashMap<>(TestProviders.valid(provider));
        providerView.put("origin", origin());
        providerView.put("version", 0);
        Map<String, Object> offering = new HashMap<>(TestProviders.offering("Partner Nextcloud"));
        offering.put("origin", origin());
        String key = provider + "/nextcloud";
        publish(change("provider", provider, "CREATED", 0, providerView), change("offering", key, "CREATED", 0, offering));
        assertTrue(sync());
        as(CatalogTokens.viewer()).get("/api/v1/providers/" + provider).then().statusCode(200)
                .body("origin.mirrored", equalTo(true))
                .body("offeringCount", equalTo(1));
        as(CatalogTokens.viewer()).get("/api/v1/providers/" + provider + "/offerings/nextcloud").then().statusCode(200)
                .body("origin.node", equalTo("partner"));
        as(CatalogTokens.editor()).delete("/api/v1/providers/" + provider + "/offerings/nextcloud").then().statusCode(403);

        publish(change("provider", provider, "DELETED", null, null), change("offering", key, "DELETED", null, null));
        assertTrue(sync());
        as(CatalogTokens.viewer()).get("/api/v1/providers/" + provider).then().statusCode(404);
    }

    @Test
    void mirroredEntriesAreNotPublishedAgainAndPeersAreListedForAuditors() {
        String slug = TestProducts.uniqueSlug("not-again");
        publish(change("product", slug, "CREATED", 0, partnerProduct(slug)));
        assertTrue(sync());
        as(auditor()).queryParam("size", 500).get("/api/v1/changes").then().statusCode(200)
                .body("items.key", everyItem(not(equalTo(slug))));
        as(auditor()).get("/api/v1/federation/peers").then().statusCode(200)
                .body("[0].node", equalTo("partner"))
                .body("[0].api", equalTo(fake + "/api/v1"))
                .body("[0].error", nullValue())
                .body("[0].stale", equalTo(false));
        as(CatalogTokens.viewer()).get("/api/v1/federation/peers").then().statusCode(403);
    }

    private static String auditor() {
        return CatalogTokens.token("auditor", "catalog-auditor", "catalog-viewer");
    }

    private Map<String, Object> peer() {
        return as(auditor()).get("/api/v1/federation/peers").then().statusCode(200).extract().jsonPath().getMap("[0]");
    }

    private long cursor() {
        return ((Number) peer().get("cursor")).longValue();
    }
}

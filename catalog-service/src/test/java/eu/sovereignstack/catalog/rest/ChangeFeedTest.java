package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.TestProviders;
import eu.sovereignstack.catalog.service.MergePatches;

/** The audit trail: every write recorded with its actor, request id and merge patch; the feed and the histories. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ChangeFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRODUCTS = "/api/v1/products";

    private static RequestSpecification asEditor(String requestId) {
        return given().auth().oauth2(CatalogTokens.editor()).header("X-Request-Id", requestId).contentType(ContentType.JSON);
    }

    private static String auditor() {
        return CatalogTokens.token("auditor", "catalog-auditor");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode getProduct(String slug) {
        return MergePatches.withoutNulls(read(given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + slug)
                .then().statusCode(200).extract().asString()));
    }

    /** The whole feed after {@code after}, page by page. */
    private static List<JsonNode> feed(long after, int size) {
        List<JsonNode> all = new ArrayList<>();
        long cursor = after;
        boolean more = true;
        while (more) {
            JsonNode page = read(given().auth().oauth2(auditor()).queryParam("after", cursor).queryParam("size", size)
                    .when().get("/api/v1/changes").then().statusCode(200).extract().asString());
            page.get("items").forEach(all::add);
            assertTrue(page.get("items").size() <= size);
            long next = page.get("next").asLong();
            assertTrue(next >= cursor, "the cursor never goes back");
            more = page.get("more").asBoolean();
            assertTrue(!more || next > cursor, "a page with more to follow moves the cursor");
            cursor = next;
        }
        return all;
    }

    private static List<JsonNode> changesOf(List<JsonNode> feed, String kind, String key) {
        return feed.stream().filter(c -> c.get("kind").asText().equals(kind) && c.get("key").asText().equals(key)).toList();
    }

    private static long lastId() {
        List<JsonNode> all = feed(0, 500);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).get("id").asLong();
    }

    @Test
    void createPatchAndDeleteAppearInOrderWithActorRequestIdAndPatchesThatRebuildTheEntry() {
        long start = lastId();
        String slug = TestProducts.uniqueSlug("feed");
        asEditor("create-" + slug).body(TestProducts.valid(slug)).when().post(PRODUCTS).then().statusCode(201);
        JsonNode afterCreate = getProduct(slug);
        asEditor("patch-1-" + slug).contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed", "standards", List.of("S3"))).when().patch(PRODUCTS + "/" + slug).then().statusCode(200);
        JsonNode afterPatch = getProduct(slug);
        Map<String, Object> removal = new java.util.HashMap<>();
        removal.put("health", null);
        asEditor("patch-2-" + slug).contentType("application/merge-patch+json").body(removal)
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200);
        JsonNode afterRemoval = getProduct(slug);
        asEditor("bad id!").when().delete(PRODUCTS + "/" + slug).then().statusCode(204);

        List<JsonNode> mine = changesOf(feed(start, 2), "product", slug);
        assertEquals(List.of("CREATED", "UPDATED", "UPDATED", "DELETED"), mine.stream().map(c -> c.get("operation").asText()).toList());
        assertTrue(mine.get(0).get("id").asLong() > start);
        for (int i = 1; i < mine.size(); i++) {
            assertTrue(mine.get(i).get("id").asLong() > mine.get(i - 1).get("id").asLong());
        }
        JsonNode actor = mine.get(0).get("actor");
        assertEquals("sub-editor", actor.get("subject").asText());
        assertEquals("editor", actor.get("username").asText());
        assertEquals("demo-municipality", actor.get("org").asText());
        assertTrue(actor.get("issuer").asText().startsWith("http"), actor.toString());
        assertEquals("create-" + slug, mine.get(0).get("requestId").asText());
        assertEquals("patch-1-" + slug, mine.get(1).get("requestId").asText());
        String generated = mine.get(3).get("requestId").asText();
        assertNotEquals("bad id!", generated);
        assertTrue(generated.matches("[A-Za-z0-9._:-]{8,128}"), generated);

        // The creation holds the whole entry; each patch applied in turn gives what GET answered after it.
        assertEquals(afterCreate, mine.get(0).get("patch"));
        assertEquals(0, mine.get(0).get("version").asInt());
        JsonNode entry = MergePatches.apply(mine.get(0).get("patch"), mine.get(1).get("patch"));
        assertEquals(afterPatch, entry);
        assertEquals(afterPatch.get("version").asInt(), mine.get(1).get("version").asInt());
        entry = MergePatches.apply(entry, mine.get(2).get("patch"));
        assertEquals(afterRemoval, entry);
        assertFalse(entry.has("health"));
        assertTrue(mine.get(3).get("patch") == null || mine.get(3).get("patch").isNull());
        assertTrue(mine.get(3).get("version") == null || mine.get(3).get("version").isNull());
    }

    @Test
    void refusedWritesRecordNothing() {
        String slug = TestProducts.uniqueSlug("feed-refused");
        asEditor("create-" + slug).body(TestProducts.valid(slug)).when().post(PRODUCTS).then().statusCode(201);
        long before = lastId();
        asEditor("dup-" + slug).body(TestProducts.valid(slug)).when().post(PRODUCTS).then().statusCode(409);
        asEditor("bad-" + slug).body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("feed-bad")), "category", "no-such"))
                .when().post(PRODUCTS).then().statusCode(400);
        asEditor("stale-" + slug).contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .body(Map.of("name", "Stale")).when().patch(PRODUCTS + "/" + slug).then().statusCode(412);
        asEditor("invalid-" + slug).contentType("application/merge-patch+json").body(Map.of("licence", "Not-A-Licence"))
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(400);
        assertEquals(before, lastId());
        given().auth().oauth2(auditor()).when().get(PRODUCTS + "/" + slug + "/history")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].operation", equalTo("CREATED"));
    }

    @Test
    void anImportRecordsOneChangePerProductWritten() {
        String kept = TestProducts.uniqueSlug("feed-import-kept");
        String changed = TestProducts.uniqueSlug("feed-import-changed");
        String fresh = TestProducts.uniqueSlug("feed-import-new");
        asEditor("seed-" + kept).body(TestProducts.valid(kept)).when().post(PRODUCTS).then().statusCode(201);
        asEditor("seed-" + changed).body(TestProducts.valid(changed)).when().post(PRODUCTS).then().statusCode(201);
        long start = lastId();
        asEditor("import-" + fresh).body(Map.of("products", List.of(TestProducts.valid(kept),
                        TestProducts.with(TestProducts.valid(changed), "name", "Changed by import"), TestProducts.valid(fresh))))
                .when().post(PRODUCTS + "/import").then().statusCode(200);
        List<JsonNode> changes = feed(start, 100);
        assertEquals(2, changes.size(), changes.toString());
        assertEquals(1, changesOf(changes, "product", fresh).size());
        JsonNode update = changesOf(changes, "product", changed).get(0);
        assertEquals("UPDATED", update.get("operation").asText());
        assertEquals("Changed by import", update.get("patch").get("name").asText());
        // An update names the entry's origin even though it did not change: a follower that missed the creation learns whose it is.
        assertEquals("https://server.example.com", update.get("patch").get("origin").get("member").asText(), update.toString());
        assertTrue(changes.stream().allMatch(c -> c.get("requestId").asText().equals("import-" + fresh)));
    }

    @Test
    void theFeedPagesWithoutLosingOrRepeatingChanges() {
        for (int i = 0; i < 5; i++) {
            asEditor("paging-" + i + "-x").body(TestProducts.valid(TestProducts.uniqueSlug("feed-page"))).when().post(PRODUCTS)
                    .then().statusCode(201);
        }
        List<JsonNode> whole = feed(0, 500);
        List<JsonNode> paged = feed(0, 3);
        assertTrue(whole.size() >= 5);
        assertEquals(whole, paged);
        Set<Long> ids = new HashSet<>();
        long previous = 0;
        for (JsonNode change : paged) {
            long id = change.get("id").asLong();
            assertTrue(id > previous);
            assertTrue(ids.add(id));
            previous = id;
        }
        // Past the end: an empty page that keeps the cursor.
        given().auth().oauth2(auditor()).queryParam("after", previous).when().get("/api/v1/changes").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("next", equalTo((int) previous)).body("more", equalTo(false));
    }

    @Test
    void historyIsNewestFirstAndOutlivesTheEntry() {
        String slug = TestProducts.uniqueSlug("feed-history");
        asEditor("h-create-" + slug).body(TestProducts.valid(slug)).when().post(PRODUCTS).then().statusCode(201);
        asEditor("h-patch-" + slug).contentType("application/merge-patch+json").body(Map.of("name", "Second name"))
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200);
        asEditor("h-delete-" + slug).when().delete(PRODUCTS + "/" + slug).then().statusCode(204);

        JsonNode first = read(given().auth().oauth2(auditor()).queryParam("size", 2).when().get(PRODUCTS + "/" + slug + "/history")
                .then().statusCode(200).extract().asString());
        assertEquals("DELETED", first.get("items").get(0).get("operation").asText());
        assertEquals("UPDATED", first.get("items").get(1).get("operation").asText());
        assertTrue(first.get("more").asBoolean());
        JsonNode second = read(given().auth().oauth2(auditor()).queryParam("size", 2).queryParam("before", first.get("next").asLong())
                .when().get(PRODUCTS + "/" + slug + "/history").then().statusCode(200).extract().asString());
        assertEquals(1, second.get("items").size());
        assertEquals("CREATED", second.get("items").get(0).get("operation").asText());
        assertFalse(second.get("more").asBoolean());

        given().auth().oauth2(auditor()).when().get(PRODUCTS + "/never-" + slug + "/history").then().statusCode(404);
        // A seeded product exists but has no recorded change: its history is empty.
        given().auth().oauth2(auditor()).when().get(PRODUCTS + "/nextcloud/history").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void providerAndOfferingWritesAreRecorded() {
        String provider = TestProducts.uniqueSlug("feed-provider");
        asEditor("p-" + provider).body(TestProviders.valid(provider)).when().post("/api/v1/providers").then().statusCode(201);
        asEditor("o-" + provider).body(TestProviders.offering("Feed Nextcloud"))
                .when().put("/api/v1/providers/" + provider + "/offerings/nextcloud").then().statusCode(201);
        asEditor("d-" + provider).when().delete("/api/v1/providers/" + provider).then().statusCode(204);

        JsonNode history = read(given().auth().oauth2(auditor()).when().get("/api/v1/providers/" + provider + "/history")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of("DELETED", "CREATED"), List.of(history.get("items").get(0).get("operation").asText(),
                history.get("items").get(1).get("operation").asText()));
        assertFalse(history.get("items").get(1).get("patch").has("offeringCount"));
        List<JsonNode> offering = changesOf(feed(0, 500), "offering", provider + "/nextcloud");
        assertEquals(List.of("CREATED", "DELETED"), offering.stream().map(c -> c.get("operation").asText()).toList());
    }

    @Test
    void aDeletedProductsRelationsAreDeletedWithIt() {
        long start = lastId();
        String slug = TestProducts.uniqueSlug("feed-alt");
        asEditor("a-" + slug).body(TestProducts.valid(slug)).when().post(PRODUCTS).then().statusCode(201);
        asEditor("r-" + slug).body(Map.of("alternative", slug, "fit", "PARTIAL"))
                .when().post(PRODUCTS + "/dropbox/alternatives").then().statusCode(201);
        asEditor("d-" + slug).when().delete(PRODUCTS + "/" + slug).then().statusCode(204);
        List<JsonNode> relation = changesOf(feed(start, 500), "alternative", "dropbox/" + slug);
        assertEquals(List.of("CREATED", "DELETED"), relation.stream().map(c -> c.get("operation").asText()).toList());
        assertEquals(slug, relation.get(0).get("patch").get("alternative").asText());
        assertEquals("d-" + slug, relation.get(1).get("requestId").asText());
    }

    @Test
    void onlyAuditorsReadTheFeedAndHistories() {
        given().when().get("/api/v1/changes").then().statusCode(401);
        given().auth().oauth2(CatalogTokens.tamperedSignature()).when().get("/api/v1/changes").then().statusCode(401);
        given().auth().oauth2(CatalogTokens.viewer()).when().get("/api/v1/changes").then().statusCode(403);
        given().auth().oauth2(CatalogTokens.editor()).when().get("/api/v1/changes").then().statusCode(403);
        given().auth().oauth2(CatalogTokens.editor()).when().get(PRODUCTS + "/nextcloud/history").then().statusCode(403);
        given().auth().oauth2(CatalogTokens.viewer()).when().get("/api/v1/providers/amazon-web-services/history").then().statusCode(403);
        given().when().get(PRODUCTS + "/nextcloud/history").then().statusCode(401);
    }

    @Test
    void aBadCursorOrSizeIsA400NamingIt() {
        for (String after : List.of("-1", "abc", "1.5", "99999999999999999999")) {
            given().auth().oauth2(auditor()).queryParam("after", after).when().get("/api/v1/changes").then().statusCode(400)
                    .body(containsString("after"));
        }
        for (String size : List.of("0", "501", "x")) {
            given().auth().oauth2(auditor()).queryParam("size", size).when().get("/api/v1/changes").then().statusCode(400)
                    .body(containsString("size"));
        }
        given().auth().oauth2(auditor()).queryParam("before", "-3").when().get(PRODUCTS + "/nextcloud/history").then()
                .statusCode(400).body(containsString("before"));
    }

    @Test
    void mergePatchesRoundTrip() {
        JsonNode before = read("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":[1],\"f\":null}");
        JsonNode after = read("{\"a\":1,\"b\":{\"c\":4},\"e\":[1,2],\"g\":\"x\"}");
        JsonNode patch = MergePatches.between(before, after);
        assertEquals(read("{\"b\":{\"c\":4,\"d\":null},\"e\":[1,2],\"g\":\"x\"}"), patch);
        assertEquals(after, MergePatches.apply(MergePatches.withoutNulls(before), patch));
        assertNull(MergePatches.between(after, after).get("a"));
    }
}

package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;

/**
 * Ids are handed out in commit order: while one transaction that recorded a change is open, a
 * write that wants to record one waits, so it cannot draw a larger id and commit first.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ChangeOrderTest {

    /** The feed's order lock (ChangeRepository.FEED_ORDER_LOCK); pg_locks shows its low 32 bits as objid. */
    private static final long FEED_ORDER_LOCK = 0x63686e67L;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @Test
    void aLaterWriteWaitsForAnEarlierOneToCommitAndGetsTheLargerId() throws Exception {
        String slug = TestProducts.uniqueSlug("feed-order");
        long earlier;
        CompletableFuture<Integer> later;
        try (Connection open = DriverManager.getConnection(url, user, "")) {
            open.setAutoCommit(false);
            try (PreparedStatement lock = open.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, FEED_ORDER_LOCK);
                lock.execute();
            }
            try (PreparedStatement insert = open.prepareStatement("insert into change (kind, entry_key, operation, version, "
                    + "actor_issuer, actor_subject, at, request_id, patch) values ('product', ?, 'UPDATED', 1, 'test', 'test', "
                    + "now(), 'order-test-open', '{}'::jsonb) returning id")) {
                insert.setString(1, "elsewhere-" + slug);
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    earlier = id.getLong(1);
                }
            }
            later = CompletableFuture.supplyAsync(() -> given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON)
                    .body(TestProducts.valid(slug)).when().post("/api/v1/products").then().extract().statusCode());
            awaitWaiterOnTheLock();
            assertFalse(later.isDone(), "the write must wait for the open transaction");
            // Neither is visible yet: the open one has not committed, the waiting one has drawn no id.
            assertTrue(idsOf(slug).isEmpty());
            open.commit();
        }
        assertEquals(201, later.get(30, TimeUnit.SECONDS));
        List<Long> laterIds = idsOf(slug);
        assertEquals(1, laterIds.size());
        assertTrue(laterIds.get(0) > earlier, laterIds + " must come after " + earlier);
    }

    /** Polls pg_locks (with a deadline, no sleep) until another backend waits for the feed's order lock. */
    private void awaitWaiterOnTheLock() throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        try (Connection watch = DriverManager.getConnection(url, user, "");
                PreparedStatement waiting = watch.prepareStatement(
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted and objid = ?")) {
            waiting.setLong(1, FEED_ORDER_LOCK & 0xffffffffL);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet count = waiting.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("no write waited for the feed's order lock within 20 s");
    }

    private static List<Long> idsOf(String slug) {
        JsonPath history = given().auth().oauth2(CatalogTokens.token("auditor", "catalog-auditor"))
                .when().get("/api/v1/products/" + slug + "/history").then().extract().jsonPath();
        List<Number> ids = history.getList("items.id");
        return ids == null ? List.of() : ids.stream().map(Number::longValue).toList();
    }
}

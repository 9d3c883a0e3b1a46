package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;

/**
 * Two editors change the same version of a product at the same moment: exactly one change is
 * stored, the other gets 409 (lost the race in the database) or 412 (saw the new version first),
 * never a 5xx, and the stored product is the winner's.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ConcurrentUpdateTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final int ROUNDS = 8;

    @Test
    void ofTwoUpdatesOfTheSameVersionExactlyOneWins() throws Exception {
        ExecutorService editors = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String slug = TestProducts.uniqueSlug("race");
                Map<String, Object> product = TestProducts.valid(slug);
                given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON).body(product)
                        .when().post(PRODUCTS).then().statusCode(201);

                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> updates = new ArrayList<>();
                for (String name : List.of("Winner A " + slug, "Winner B " + slug)) {
                    updates.add(editors.submit(() -> {
                        start.await();
                        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON)
                                .header("If-Match", "\"0\"").body(TestProducts.with(product, "name", name))
                                .when().put(PRODUCTS + "/" + slug);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (Future<Response> update : updates) {
                    Response response = update.get(30, TimeUnit.SECONDS);
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 200) {
                        winner = response.path("name");
                    } else {
                        assertEquals("application/problem+json", response.contentType(), response.asString());
                    }
                }
                assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "round " + round + ": " + statuses);
                assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 409 || status == 412),
                        "round " + round + ": " + statuses);
                Response stored = given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + slug);
                assertEquals(winner, stored.path("name"));
                assertEquals(Integer.valueOf(1), stored.path("version"));
            }
        } finally {
            editors.shutdownNow();
        }
    }
}

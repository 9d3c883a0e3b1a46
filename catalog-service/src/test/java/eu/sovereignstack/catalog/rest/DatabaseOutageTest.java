package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.testsupport.UnreliablePostgresDatabase;

/**
 * PostgreSQL goes away and comes back: readiness says so and liveness does not, the API answers
 * 503 problems with Retry-After (never a 500), nothing acknowledged is lost, nothing refused is
 * half-written, and the service recovers by itself.
 */
@QuarkusTest
@QuarkusTestResource(value = UnreliablePostgresDatabase.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "catalog_test"))
class DatabaseOutageTest {

    private static final String PRODUCTS = "/api/v1/products";

    @AfterEach
    void restore() {
        UnreliablePostgresDatabase.link().restore();
    }

    @Test
    void anOutageIsA503AndTheServiceRecoversWithoutLosingWrites() {
        String stored = TestProducts.uniqueSlug("before-outage");
        given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON).body(TestProducts.valid(stored))
                .when().post(PRODUCTS).then().statusCode(201);

        UnreliablePostgresDatabase.link().cut();
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + stored)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        String refused = TestProducts.uniqueSlug("during-outage");
        given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON).body(TestProducts.valid(refused))
                .when().post(PRODUCTS).then().statusCode(503).contentType("application/problem+json");

        UnreliablePostgresDatabase.link().restore();
        awaitReady();
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + stored)
                .then().statusCode(200).body("slug", equalTo(stored));
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + refused).then().statusCode(404);
        given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON).body(TestProducts.valid(refused))
                .when().post(PRODUCTS).then().statusCode(201);
    }

    /** Polls readiness until the pool has reconnected, within a deadline. */
    private static void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "readiness did not come back within 30 s");
        }
    }
}

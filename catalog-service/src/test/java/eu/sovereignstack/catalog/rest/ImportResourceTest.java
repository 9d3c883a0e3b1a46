package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.CatalogTokens;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ImportResourceTest {

    private static final String IMPORT = "/api/v1/products/import";

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer());
    }

    @Test
    void createsNewProductsAndUpdatesExistingOnes() {
        String existing = TestProducts.uniqueSlug("import-old");
        asEditor().body(TestProducts.valid(existing)).when().post("/api/v1/products").then().statusCode(201);
        String fresh = TestProducts.uniqueSlug("import-new");
        String same = TestProducts.uniqueSlug("import-same");
        asEditor().body(TestProducts.valid(same)).when().post("/api/v1/products").then().statusCode(201);

        asEditor().body(Map.of("products", List.of(
                        TestProducts.with(TestProducts.valid(existing), "name", "Renamed by import"),
                        TestProducts.valid(fresh),
                        TestProducts.valid(same))))
                .when().post(IMPORT)
                .then().statusCode(200)
                .body("created", equalTo(List.of(fresh)))
                .body("updated", equalTo(List.of(existing)))
                .body("unchanged", equalTo(List.of(same)));
        asViewer().when().get("/api/v1/products/" + existing)
                .then().body("name", equalTo("Renamed by import")).body("version", equalTo(1));
        asViewer().when().get("/api/v1/products/" + same).then().body("version", equalTo(0));
        asViewer().when().get("/api/v1/products/" + fresh).then().statusCode(200);
    }

    @Test
    void oneBadEntryRejectsTheWholeBatchWithPerEntryErrors() {
        String existing = TestProducts.uniqueSlug("keep");
        asEditor().body(TestProducts.valid(existing)).when().post("/api/v1/products").then().statusCode(201);
        String good = TestProducts.uniqueSlug("good");
        String badLicence = TestProducts.uniqueSlug("bad-licence");

        asEditor().body(Map.of("products", List.of(
                        TestProducts.valid(good),
                        TestProducts.with(TestProducts.valid(existing), "name", "Must not be stored"),
                        TestProducts.with(TestProducts.valid(badLicence), "licence", "Proprietary-ish"),
                        TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("bad-cat")), "category", "toasters"),
                        TestProducts.valid(good))))
                .when().post(IMPORT)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("products[2].licence", "products[3].category", "products[4].slug"))
                .body("detail", containsString("3 fields"));

        asViewer().when().get("/api/v1/products/" + good).then().statusCode(404);
        asViewer().when().get("/api/v1/products/" + badLicence).then().statusCode(404);
        asViewer().when().get("/api/v1/products/" + existing).then().body("name", equalTo("Test Drive " + existing));
    }

    @Test
    void beanValidationErrorsNameTheEntry() {
        asEditor().body(Map.of("products", List.of(
                        TestProducts.valid(TestProducts.uniqueSlug("fine")),
                        TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("noname")), "name", ""))))
                .when().post(IMPORT)
                .then().statusCode(400)
                .body("errors.field", hasItems("products[1].name"));
    }

    @Test
    void batchesAreBounded() {
        asEditor().body(Map.of("products", List.of())).when().post(IMPORT)
                .then().statusCode(400).body("errors.field", hasItems("products"));
        List<Map<String, Object>> tooMany = new ArrayList<>(Collections.nCopies(CatalogLimits.IMPORT_PRODUCTS + 1,
                TestProducts.valid("x")));
        asEditor().body(Map.of("products", tooMany)).when().post(IMPORT)
                .then().statusCode(400).body("errors.field", hasItems("products"));
    }

    @Test
    void theExportedProductsImportBackUnchanged() {
        List<Map<String, Object>> exported = asViewer().when().get("/api/v1/export")
                .then().statusCode(200).extract().path("products");
        List<Map<String, Object>> firstBatch = exported.subList(0, Math.min(CatalogLimits.IMPORT_PRODUCTS, exported.size()));
        List<String> unchanged = asEditor().body(Map.of("products", firstBatch)).when().post(IMPORT)
                .then().statusCode(200)
                .body("created", equalTo(List.of()))
                .body("updated", equalTo(List.of()))
                .extract().path("unchanged");
        assertEquals(firstBatch.size(), unchanged.size());
    }

    @Test
    void purlsAndAliasesRoundTripThroughExportAndImport() {
        String slug = TestProducts.uniqueSlug("roundtrip");
        Map<String, Object> product = TestProducts.valid(slug);
        product.put("purls", List.of("pkg:github/example/" + slug + "@v1", "pkg:docker/example/" + slug));
        product.put("aliases", List.of("Round Trip " + slug));
        asEditor().body(product).when().post("/api/v1/products").then().statusCode(201);

        List<Map<String, Object>> exported = asViewer().when().get("/api/v1/export")
                .then().statusCode(200).extract().path("products.findAll { it.slug == '" + slug + "' }");
        assertEquals(1, exported.size());
        assertEquals(List.of("pkg:github/example/" + slug, "pkg:docker/example/" + slug), exported.get(0).get("purls"));
        assertEquals(List.of("Round Trip " + slug), exported.get(0).get("aliases"));

        asEditor().body(Map.of("products", exported)).when().post(IMPORT)
                .then().statusCode(200).body("unchanged", equalTo(List.of(slug)));
        asEditor().body(Map.of("products", List.of(TestProducts.with(exported.get(0), "aliases", List.of("Other name")))))
                .when().post(IMPORT)
                .then().statusCode(200).body("updated", equalTo(List.of(slug)));
        asViewer().when().get("/api/v1/products/" + slug)
                .then().body("aliases", equalTo(List.of("Other name")))
                .body("purls", equalTo(List.of("pkg:github/example/" + slug, "pkg:docker/example/" + slug)));
        asEditor().body(Map.of("products", List.of(TestProducts.with(exported.get(0), "purls", List.of("pkg:ok/x", "bad")))))
                .when().post(IMPORT)
                .then().statusCode(400).body("errors.field", equalTo(List.of("products[0].purls[1]")));
    }
}

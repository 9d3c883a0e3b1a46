package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;

/**
 * A software product says how it is delivered (on each user's device, or from a shared server):
 * the fact is written, shown, exported, patched, resolved and evidenced like any other, and only
 * SOFTWARE has one.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class DeliveryResourceTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Map<String, Object> DELIVERY_EVIDENCE = Map.of("source", "https://example.org/admin-guide",
            "asOf", "2026-11-30", "method", "CURATED", "assertedBy", "Test editor", "excerpt", "Install it on your server.");

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer()).contentType(ContentType.JSON);
    }

    /** An open server application with its delivery and that fact's evidence. */
    private static Map<String, Object> serverSoftware(String slug) {
        Map<String, Object> product = new HashMap<>(TestProducts.valid(slug));
        product.put("delivery", "SERVER");
        product.put("evidence", Map.of("delivery", DELIVERY_EVIDENCE));
        return product;
    }

    /** A provider's service with an open licence, so that it needs no open alternative in the shared test catalog. */
    private static Map<String, Object> service(String slug) {
        Map<String, Object> service = new HashMap<>(TestProducts.valid(slug));
        service.put("kind", "SERVICE");
        service.put("licence", "MPL-2.0");
        service.put("governance", "SINGLE_VENDOR");
        service.put("deploymentModels", List.of("SAAS"));
        service.put("dataLocations", List.of("DE"));
        service.remove("sourceRepository");
        service.remove("health");
        return service;
    }

    @Test
    void deliveryIsWrittenShownWithItsEvidencePatchedAndExported() {
        String slug = TestProducts.uniqueSlug("server-app");
        asEditor().body(serverSoftware(slug)).when().post(PRODUCTS).then().statusCode(201)
                .body("delivery", equalTo("SERVER"));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("delivery", equalTo("SERVER"))
                .body("evidence.delivery.source", equalTo("https://example.org/admin-guide"))
                .body("evidence.delivery.asOf", equalTo("2026-11-30"))
                .body("evidence.delivery.method", equalTo("CURATED"))
                .body("evidence.delivery.excerpt", equalTo("Install it on your server."))
                .body("evidence.delivery.assertedBy", equalTo("Test editor"));

        List<Map<String, Object>> exported = asViewer().when().get("/api/v1/export").then().statusCode(200)
                .extract().path("products.findAll { it.slug == '" + slug + "' }");
        assertEquals(1, exported.size());
        assertEquals("SERVER", exported.get(0).get("delivery"));
        assertEquals(DELIVERY_EVIDENCE, ((Map<?, ?>) exported.get(0).get("evidence")).get("delivery"));

        asEditor().contentType(MERGE_PATCH).body(Map.of("delivery", "DEVICE"))
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("delivery", equalTo("DEVICE"))
                .body("version", equalTo(1));
        // null removes the fact and its evidence
        asEditor().contentType(MERGE_PATCH).body("{\"delivery\": null, \"evidence\": {\"delivery\": null}}")
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("delivery", nullValue())
                .body("evidence", not(hasKey("delivery")));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("delivery", nullValue())
                .body("version", equalTo(2));
    }

    @Test
    void anExportedProductImportsBackWithItsDelivery() {
        String slug = TestProducts.uniqueSlug("server-app");
        asEditor().body(Map.of("products", List.of(serverSoftware(slug)))).when().post(PRODUCTS + "/import")
                .then().statusCode(200)
                .body("created", equalTo(List.of(slug)));
        Map<String, Object> exported = asViewer().when().get("/api/v1/export").then().statusCode(200)
                .extract().path("products.find { it.slug == '" + slug + "' }");
        asEditor().body(Map.of("products", List.of(exported))).when().post(PRODUCTS + "/import").then().statusCode(200)
                .body("unchanged", equalTo(List.of(slug)));
        asEditor().body(Map.of("products", List.of(TestProducts.with(exported, "delivery", "DEVICE"))))
                .when().post(PRODUCTS + "/import").then().statusCode(200)
                .body("updated", equalTo(List.of(slug)));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200).body("delivery", equalTo("DEVICE"));
    }

    @Test
    void onlySoftwareHasADelivery() {
        String slug = TestProducts.uniqueSlug("saas");
        asEditor().body(TestProducts.with(service(slug), "delivery", "SERVER")).when().post(PRODUCTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("delivery")))
                .body("errors[0].message", containsString("SOFTWARE"));
        asEditor().body(TestProducts.with(service(slug), "evidence", Map.of("delivery", DELIVERY_EVIDENCE)))
                .when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("evidence.delivery")));
        asEditor().body(Map.of("products", List.of(TestProducts.valid(TestProducts.uniqueSlug("ok")),
                        TestProducts.with(service(slug), "delivery", "DEVICE"))))
                .when().post(PRODUCTS + "/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("products[1].delivery")));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(404);

        // a stored service cannot be given one, and a delivered software cannot become a service while it has one
        asEditor().body(service(slug)).when().post(PRODUCTS).then().statusCode(201).body("delivery", nullValue());
        asEditor().contentType(MERGE_PATCH).body(Map.of("delivery", "SERVER"))
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(400)
                .body("errors.field", equalTo(List.of("delivery")));
        String software = TestProducts.uniqueSlug("server-app");
        asEditor().body(serverSoftware(software)).when().post(PRODUCTS).then().statusCode(201);
        asEditor().contentType(MERGE_PATCH).body(Map.of("kind", "SERVICE", "dataLocations", List.of("DE")))
                .when().patch(PRODUCTS + "/" + software).then().statusCode(400)
                .body("errors.field", hasItem("delivery"));
        asViewer().when().get(PRODUCTS + "/" + software).then().statusCode(200)
                .body("kind", equalTo("SOFTWARE"))
                .body("delivery", equalTo("SERVER"))
                .body("version", equalTo(0));
    }

    @Test
    void anUnknownDeliveryIsRefused() {
        String slug = TestProducts.uniqueSlug("app");
        asEditor().body(TestProducts.with(TestProducts.valid(slug), "delivery", "CLOUD")).when().post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("delivery")));
        asEditor().body(TestProducts.with(TestProducts.valid(slug), "delivery", "device")).when().post(PRODUCTS)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("delivery")));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(404);
    }

    @Test
    void aResolveAnswerCarriesTheDelivery() {
        String server = TestProducts.uniqueSlug("server-app");
        asEditor().body(serverSoftware(server)).when().post(PRODUCTS).then().statusCode(201);
        String device = TestProducts.uniqueSlug("desktop-app");
        asEditor().body(TestProducts.with(TestProducts.valid(device), "delivery", "DEVICE")).when().post(PRODUCTS)
                .then().statusCode(201);
        asViewer().body(Map.of("items", List.of(Map.of("ref", "files", "slug", server), Map.of("ref", "office", "slug", device))))
                .when().post(PRODUCTS + "/resolve").then().statusCode(200)
                .body("matches[0].product", equalTo(server))
                .body("products.'" + server + "'.product.delivery", equalTo("SERVER"))
                .body("products.'" + server + "'.product.evidence.delivery.source", equalTo("https://example.org/admin-guide"))
                .body("products.'" + device + "'.product.delivery", equalTo("DEVICE"));
        // the seed's LibreOffice is a desktop application
        asViewer().body(Map.of("items", List.of(Map.of("ref", "office", "slug", "libreoffice"))))
                .when().post(PRODUCTS + "/resolve").then().statusCode(200)
                .body("products.libreoffice.product.delivery", equalTo("DEVICE"));
    }
}

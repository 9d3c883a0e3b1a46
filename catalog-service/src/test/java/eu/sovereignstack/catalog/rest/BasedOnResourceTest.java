package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
 * A service that is a provider's managed run of an open product names it in basedOn: the fact
 * is written, shown, exported and evidenced like any other, the base must be another open-source
 * software product, a base cannot be deleted or closed while services are based on it, and a
 * resolve answer carries the base of every product it holds.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class BasedOnResourceTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final Map<String, Object> BASED_ON_EVIDENCE = Map.of("source", "https://example.org/conformance",
            "asOf", "2026-11-30", "method", "CURATED", "assertedBy", "Test editor", "excerpt", "Certified Kubernetes - Hosted");

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer()).contentType(ContentType.JSON);
    }

    /** An open-source software product, stored; its slug. */
    private static String openSoftware(String prefix) {
        String slug = TestProducts.uniqueSlug(prefix);
        asEditor().body(TestProducts.valid(slug)).when().post(PRODUCTS).then().statusCode(201);
        return slug;
    }

    /**
     * A managed service of a provider in the given category, based on {@code base}. Its own licence is open (like
     * Tchap's), so that it needs no open alternative of its own in the shared test catalog.
     */
    private static Map<String, Object> service(String slug, String category, String base) {
        Map<String, Object> service = new HashMap<>(TestProducts.valid(slug));
        service.put("kind", "SERVICE");
        service.put("category", category);
        service.put("licence", "MPL-2.0");
        service.put("governance", "SINGLE_VENDOR");
        service.put("deploymentModels", List.of("MANAGED"));
        service.put("dataLocations", List.of("DE"));
        service.remove("sourceRepository");
        service.remove("health");
        if (base != null) {
            service.put("basedOn", base);
            service.put("evidence", Map.of("basedOn", BASED_ON_EVIDENCE));
        }
        return service;
    }

    @Test
    void basedOnIsWrittenShownWithItsEvidencePatchedAndExported() {
        String base = openSoftware("base");
        String slug = TestProducts.uniqueSlug("managed");
        asEditor().body(service(slug, "container-platform", base)).when().post(PRODUCTS).then().statusCode(201)
                .body("basedOn", equalTo(base));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("kind", equalTo("SERVICE"))
                .body("basedOn", equalTo(base))
                .body("licence", equalTo("MPL-2.0"))
                .body("evidence.basedOn.source", equalTo("https://example.org/conformance"))
                .body("evidence.basedOn.asOf", equalTo("2026-11-30"))
                .body("evidence.basedOn.method", equalTo("CURATED"))
                .body("evidence.basedOn.excerpt", equalTo("Certified Kubernetes - Hosted"))
                .body("evidence.basedOn.assertedBy", equalTo("Test editor"));

        List<Map<String, Object>> exported = asViewer().when().get("/api/v1/export").then().statusCode(200)
                .extract().path("products.findAll { it.slug == '" + slug + "' }");
        org.junit.jupiter.api.Assertions.assertEquals(1, exported.size());
        org.junit.jupiter.api.Assertions.assertEquals(base, exported.get(0).get("basedOn"));

        // null removes the fact and its evidence; setting it again brings it back
        asEditor().contentType("application/merge-patch+json").body("{\"basedOn\": null, \"evidence\": {\"basedOn\": null}}")
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("basedOn", nullValue())
                .body("evidence", not(hasKey("basedOn")));
        asEditor().contentType("application/merge-patch+json").body(Map.of("basedOn", base))
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("basedOn", equalTo(base));
    }

    @Test
    void onlyAServiceCanBeBasedOnAnotherProduct() {
        String base = openSoftware("base");
        Map<String, Object> software = TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("sw")), "basedOn", base);
        asEditor().body(software).when().post(PRODUCTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("basedOn")))
                .body("errors[0].message", containsString("SERVICE"));
        Map<String, Object> evidenced = TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("sw")), "evidence",
                Map.of("basedOn", BASED_ON_EVIDENCE));
        asEditor().body(evidenced).when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("evidence.basedOn")));
    }

    @Test
    void theBaseMustBeAnotherExistingOpenSourceSoftwareProduct() {
        String slug = TestProducts.uniqueSlug("managed");
        asEditor().body(service(slug, "container-platform", slug)).when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("basedOn")))
                .body("errors[0].message", containsString("itself"));
        asEditor().body(service(slug, "container-platform", "no-such-product-" + slug)).when().post(PRODUCTS)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("basedOn")))
                .body("errors[0].message", containsString("no product"));
        // a service (the seed's Amazon S3) and a proprietary software product (the seed's VMware vSphere) are no bases
        asEditor().body(service(slug, "container-platform", "aws-s3")).when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("basedOn")))
                .body("errors[0].message", containsString("SOFTWARE"));
        asEditor().body(service(slug, "container-platform", "vmware-vsphere")).when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("basedOn")))
                .body("errors[0].message", containsString("not open source"));
        asEditor().body(service(slug, "container-platform", "Not A Slug")).when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("basedOn")));
        asEditor().body(service(slug, "container-platform", "x".repeat(81))).when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", hasItem("basedOn"));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(404);
    }

    @Test
    void aBaseCannotBeDeletedWhileAServiceIsBasedOnIt() {
        String base = openSoftware("base");
        String first = TestProducts.uniqueSlug("managed");
        String second = TestProducts.uniqueSlug("managed");
        asEditor().body(service(first, "container-platform", base)).when().post(PRODUCTS).then().statusCode(201);
        asEditor().body(service(second, "object-storage", base)).when().post(PRODUCTS).then().statusCode(201);

        asEditor().when().delete(PRODUCTS + "/" + base).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("'" + first + "'"))
                .body("detail", containsString("'" + second + "'"));
        asViewer().when().get(PRODUCTS + "/" + base).then().statusCode(200);

        asEditor().when().delete(PRODUCTS + "/" + first).then().statusCode(204);
        asEditor().contentType("application/merge-patch+json").body("{\"basedOn\": null}")
                .when().patch(PRODUCTS + "/" + second).then().statusCode(200);
        asEditor().when().delete(PRODUCTS + "/" + base).then().statusCode(204);
    }

    @Test
    void aBaseStaysOpenSourceSoftwareWhileAServiceIsBasedOnIt() {
        String base = openSoftware("base");
        String slug = TestProducts.uniqueSlug("managed");
        asEditor().body(service(slug, "container-platform", base)).when().post(PRODUCTS).then().statusCode(201);

        asEditor().contentType("application/merge-patch+json").body(Map.of("licence", "LicenseRef-Proprietary"))
                .when().patch(PRODUCTS + "/" + base).then().statusCode(409)
                .body("errors.field", equalTo(List.of("licence")))
                .body("detail", containsString("'" + slug + "'"));
        Map<String, Object> asService = TestProducts.with(TestProducts.valid(base), "kind", "SERVICE");
        asEditor().header("If-Match", "\"0\"").body(asService).when().put(PRODUCTS + "/" + base).then().statusCode(409)
                .body("errors.field", equalTo(List.of("kind")));
        asViewer().when().get(PRODUCTS + "/" + base).then().statusCode(200)
                .body("kind", equalTo("SOFTWARE"))
                .body("openSource", equalTo(true))
                .body("version", equalTo(0));
        // another open licence is fine
        asEditor().contentType("application/merge-patch+json").body(Map.of("licence", "Apache-2.0"))
                .when().patch(PRODUCTS + "/" + base).then().statusCode(200);
    }

    @Test
    void anImportChecksBasesAgainstTheBatchAndTheCatalog() {
        String base = TestProducts.uniqueSlug("base");
        String slug = TestProducts.uniqueSlug("managed");
        // the service comes first and its base is created by the same batch
        asEditor().body(Map.of("products", List.of(service(slug, "container-platform", base), TestProducts.valid(base))))
                .when().post(PRODUCTS + "/import").then().statusCode(200)
                .body("created", equalTo(List.of(slug, base)));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200).body("basedOn", equalTo(base));

        // a base the batch makes proprietary, while a stored service is based on it
        asEditor().body(Map.of("products", List.of(TestProducts.with(TestProducts.valid(base), "licence", "LicenseRef-Proprietary"))))
                .when().post(PRODUCTS + "/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("products[0].licence")))
                .body("errors[0].message", containsString(slug));
        // a service of the batch based on a proprietary product of the same batch
        String closed = TestProducts.uniqueSlug("closed");
        String other = TestProducts.uniqueSlug("managed");
        asEditor().body(Map.of("products", List.of(TestProducts.with(TestProducts.valid(closed), "licence", "LicenseRef-Proprietary"),
                        service(other, "container-platform", closed))))
                .when().post(PRODUCTS + "/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("products[1].basedOn")));
        asViewer().when().get(PRODUCTS + "/" + closed).then().statusCode(404);
    }

    @Test
    void aResolveAnswerCarriesTheBaseOfAMatchedProductAndOfAnAlternative() {
        String base = openSoftware("base");
        String managed = TestProducts.uniqueSlug("managed");
        asEditor().body(service(managed, "object-storage", base)).when().post(PRODUCTS).then().statusCode(201);

        // matched: the service, in another category than its base, with no alternatives
        asViewer().body(Map.of("items", List.of(Map.of("ref", "s3", "slug", managed))))
                .when().post(PRODUCTS + "/resolve").then().statusCode(200)
                .body("matches[0].product", equalTo(managed))
                .body("products.'" + managed + "'.product.basedOn", equalTo(base))
                .body("products.'" + base + "'.product.licence", equalTo("AGPL-3.0-or-later"))
                .body("products.'" + base + "'.product.standards", equalTo(List.of("WebDAV", "OIDC")))
                .body("products.'" + base + "'.product.health.latestReleaseVersion", equalTo("1.2.3"))
                .body("products.'" + base + "'.alternatives", hasSize(0))
                .body("products.'" + base + "'.sameCategory", hasSize(0));

        // an alternative: a product of a third category the service can replace
        Map<String, Object> legacy = service(TestProducts.uniqueSlug("legacy"), "email", null);
        String replaced = (String) legacy.get("slug");
        asEditor().body(legacy).when().post(PRODUCTS).then().statusCode(201);
        asEditor().body(Map.of("alternative", managed, "fit", "PARTIAL"))
                .when().post(PRODUCTS + "/" + replaced + "/alternatives").then().statusCode(201);
        asViewer().body(Map.of("items", List.of(Map.of("ref", "mail", "slug", replaced))))
                .when().post(PRODUCTS + "/resolve").then().statusCode(200)
                .body("products.'" + replaced + "'.alternatives.product", equalTo(List.of(managed)))
                .body("products.'" + replaced + "'.sameCategory", not(hasItem(base)))
                .body("products", hasKey(managed))
                .body("products.'" + base + "'.product.openSource", equalTo(true));
    }
}

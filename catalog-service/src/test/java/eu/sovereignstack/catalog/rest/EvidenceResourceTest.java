package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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

/** Every fact can carry its evidence; the API keeps it, checks it and shows who controls whom. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class EvidenceResourceTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final Map<String, Object> LICENCE_EVIDENCE = Map.of("source", "https://example.org/LICENSE",
            "asOf", "2026-11-30", "method", "CURATED", "assertedBy", "Test editor", "excerpt", "GNU AFFERO GENERAL PUBLIC LICENSE");

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer());
    }

    private static Map<String, Object> withEvidence(String slug) {
        Map<String, Object> product = new HashMap<>(TestProducts.valid(slug));
        product.put("steward", Map.of("name", "Test GmbH", "country", "DE",
                "ultimateParent", Map.of("name", "Test Holding Inc.", "country", "US")));
        product.put("health", Map.of("latestReleaseVersion", "1.2.3", "latestReleaseDate", "2026-10-01",
                "releasesLast12Months", 6, "contributorsLast12Months", 41, "topOrganisationShare", 0.62));
        product.put("evidence", Map.of("licence", LICENCE_EVIDENCE,
                "ultimateParent", Map.of("source", "https://example.org/imprint", "asOf", "2026-11-30", "method", "CURATED",
                        "assertedBy", "Test editor"),
                "health", Map.of("source", "project-health.json (git history of https://example.org/git at 1a2b3c4)",
                        "asOf", "2026-11-29", "method", "IMPORTED", "assertedBy", "Test editor")));
        return product;
    }

    @Test
    void evidenceHealthAndUltimateParentAreStoredAndShown() {
        String slug = TestProducts.uniqueSlug("evidence");
        asEditor().body(withEvidence(slug)).when().post(PRODUCTS).then().statusCode(201);
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("evidence.licence.source", equalTo("https://example.org/LICENSE"))
                .body("evidence.licence.asOf", equalTo("2026-11-30"))
                .body("evidence.licence.method", equalTo("CURATED"))
                .body("evidence.licence.excerpt", equalTo("GNU AFFERO GENERAL PUBLIC LICENSE"))
                .body("evidence.health.method", equalTo("IMPORTED"))
                .body("steward.ultimateParent.country", equalTo("US"))
                .body("health.releasesLast12Months", equalTo(6))
                .body("health.contributorsLast12Months", equalTo(41))
                .body("health.topOrganisationShare", equalTo(0.62f))
                // a German steward controlled from the US answers to US law
                .body("euJurisdiction", equalTo(false));
    }

    @Test
    void aMergePatchChangesOneFactsEvidenceAndKeepsTheOthers() {
        String slug = TestProducts.uniqueSlug("evpatch");
        asEditor().body(withEvidence(slug)).when().post(PRODUCTS).then().statusCode(201);
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"evidence\": {\"standards\": {\"source\": \"https://example.org/docs/webdav\", \"asOf\": \"2026-12-01\","
                        + " \"method\": \"CURATED\", \"assertedBy\": \"Test editor\"}, \"health\": null}}")
                .when().patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("evidence.standards.source", equalTo("https://example.org/docs/webdav"))
                .body("evidence.licence.source", equalTo("https://example.org/LICENSE"))
                .body("evidence", not(hasKey("health")));
    }

    @Test
    void unknownStandardsStayUnknownAndNoneIsKept() {
        String unknown = TestProducts.uniqueSlug("nostd");
        Map<String, Object> product = new HashMap<>(TestProducts.valid(unknown));
        product.remove("standards");
        asEditor().body(product).when().post(PRODUCTS).then().statusCode(201).body("standards", nullValue());
        String none = TestProducts.uniqueSlug("nonestd");
        asEditor().body(TestProducts.with(TestProducts.valid(none), "standards", List.of())).when().post(PRODUCTS)
                .then().statusCode(201).body("standards", equalTo(List.of()));
    }

    @Test
    void badEvidenceIsA400NamingTheFact() {
        Map<String, Object> product = TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("badev")), "evidence",
                Map.of("colour", LICENCE_EVIDENCE,
                        "licence", Map.of("source", "", "asOf", "2999-01-01", "method", "GUESSED", "assertedBy", "x")));
        asEditor().body(product).when().post(PRODUCTS).then().statusCode(400);
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("badev")), "evidence",
                        Map.of("colour", LICENCE_EVIDENCE)))
                .when().post(PRODUCTS).then().statusCode(400).body("errors.field", hasItem("evidence.colour"));
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("badev")), "evidence",
                        Map.of("licence", Map.of("source", " ", "asOf", "2999-01-01", "method", "CURATED", "assertedBy", "x"))))
                .when().post(PRODUCTS).then().statusCode(400)
                .body("errors.field", hasItems("evidence[licence].source", "evidence[licence].asOf"));
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("badev")), "steward",
                        Map.of("name", "Test GmbH", "country", "DE", "ultimateParent", Map.of("name", "Holding"))))
                .when().post(PRODUCTS).then().statusCode(400).body("errors.field", hasItem("steward.ultimateParent.country"));
    }

    @Test
    void providersShowTheirUltimateParentEnergyAndEvidence() {
        asViewer().when().get("/api/v1/providers/aws-european-sovereign-cloud").then().statusCode(200)
                .body("euJurisdiction", equalTo(true))
                .body("ultimateParent.country", equalTo("US"))
                .body("euControlled", equalTo(false))
                .body("evidence", hasKey("ultimateParent"))
                .body("evidence.entry.source", startsWith("http"));
        asViewer().when().get("/api/v1/providers").then().statusCode(200)
                .body("findAll { it.energy?.pue != null }.size()", greaterThan(0))
                .body("findAll { it.energy?.pue != null && it.evidence.pue == null }.size()", equalTo(0));
        asViewer().when().get("/api/v1/providers/amazon-web-services/offerings").then().statusCode(200)
                .body("findAll { it.keyCustody != null }.size()", greaterThan(0))
                .body("findAll { it.keyCustody != null && it.evidence.keyCustody == null }.size()", equalTo(0));
    }
}

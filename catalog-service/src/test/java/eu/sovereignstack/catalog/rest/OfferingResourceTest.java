package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.TestProviders;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class OfferingResourceTest {

    private static final String PROVIDERS = "/api/v1/providers";
    private static final String PRODUCTS = "/api/v1/products";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer());
    }

    /** A new provider and a new product, and the path of the offering of the one by the other. */
    private static String newOfferingPath() {
        String provider = TestProducts.uniqueSlug("provider");
        asEditor().body(TestProviders.valid(provider)).when().post(PROVIDERS).then().statusCode(201);
        String product = TestProducts.uniqueSlug("offered");
        asEditor().body(TestProducts.valid(product)).when().post(PRODUCTS).then().statusCode(201);
        return PROVIDERS + "/" + provider + "/offerings/" + product;
    }

    private static String created() {
        String path = newOfferingPath();
        asEditor().body(TestProviders.offering("Managed Test Drive")).when().put(path).then().statusCode(201);
        return path;
    }

    @Test
    void putCreatesWithLocationAndEtagAndTheOfferingIsListedEverywhere() {
        String path = newOfferingPath();
        String provider = path.split("/")[4];
        String product = path.split("/")[6];
        asEditor().body(TestProviders.offering("Managed Test Drive")).when().put(path)
                .then().statusCode(201)
                .header("Location", endsWith(path))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Managed Test Drive"))
                .body("provider", equalTo(provider))
                .body("providerCountry", equalTo("FR"))
                .body("product.slug", equalTo(product))
                .body("countries", equalTo(List.of("FR", "DE")))
                .body("keyCustody", equalTo("CUSTOMER_MANAGED"))
                .body("hsm", equalTo(true))
                .body("evidence.keyCustody.source", equalTo("https://example.org/offering/keys"))
                .body("version", equalTo(0));
        asViewer().when().get(path).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("name", equalTo("Managed Test Drive"));
        asViewer().when().get(PROVIDERS + "/" + provider + "/offerings").then().statusCode(200).body("product.slug", hasItem(product));
        asViewer().when().get(PRODUCTS + "/" + product + "/offerings").then().statusCode(200).body("provider", hasItem(provider));
        asViewer().when().get(PROVIDERS + "/" + provider).then().statusCode(200).body("offeringCount", equalTo(1));
    }

    @Test
    void replacingNeedsAVersionAsAProductDoes() {
        String path = created();
        Map<String, Object> replacement = TestProviders.offering("Renamed Drive");
        asEditor().body(replacement).when().put(path).then().statusCode(428).contentType("application/problem+json");
        asEditor().header("If-Match", "\"0\"").body(replacement).when().put(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Renamed Drive"));
        asEditor().header("If-Match", "\"0\"").body(TestProviders.offering("Never Stored")).when().put(path)
                .then().statusCode(412).header("ETag", equalTo("\"1\""));
        Map<String, Object> stale = TestProviders.offering("Never Stored");
        stale.put("version", 0);
        asEditor().body(stale).when().put(path).then().statusCode(409).body("errors.field", hasItem("version"));
        stale.put("version", 1);
        stale.put("name", "Renamed Again");
        asEditor().body(stale).when().put(path).then().statusCode(200).header("ETag", equalTo("\"2\""));
        asViewer().when().get(path).then().statusCode(200).body("name", equalTo("Renamed Again"));
    }

    @Test
    void creatingCannotNameAVersion() {
        String path = newOfferingPath();
        asEditor().header("If-Match", "\"0\"").body(TestProviders.offering("Never Stored")).when().put(path)
                .then().statusCode(412);
        Map<String, Object> versioned = TestProviders.offering("Never Stored");
        versioned.put("version", 0);
        asEditor().body(versioned).when().put(path).then().statusCode(409).body("errors.field", hasItem("version"));
        asViewer().when().get(path).then().statusCode(404);
    }

    @Test
    void anUnknownProductOrProviderIsA404NamingIt() {
        String path = created();
        String provider = path.split("/")[4];
        String missing = TestProducts.uniqueSlug("missing");
        asEditor().body(TestProviders.offering("Nowhere")).when().put(PROVIDERS + "/" + provider + "/offerings/" + missing)
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("product '" + missing + "'"));
        asEditor().body(TestProviders.offering("Nowhere")).when().put(PROVIDERS + "/" + missing + "/offerings/kubernetes")
                .then().statusCode(404).body("detail", containsString("provider '" + missing + "'"));
        asViewer().when().get(PROVIDERS + "/" + provider + "/offerings/" + missing).then().statusCode(404);
        asViewer().when().get(PROVIDERS + "/" + provider + "/offerings/kubernetes").then().statusCode(404);
        asEditor().contentType(MERGE_PATCH).body(Map.of("name", "x")).when().patch(PROVIDERS + "/" + provider + "/offerings/kubernetes")
                .then().statusCode(404);
        asEditor().when().delete(PROVIDERS + "/" + provider + "/offerings/kubernetes").then().statusCode(404);
        asViewer().when().get(PROVIDERS + "/" + provider).then().statusCode(200).body("offeringCount", equalTo(1));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("countries", List.of("XX"), "countries[0]"),
                Arguments.of("countries", List.of("DE", "de"), "countries[1]"),
                Arguments.of("countries", List.of(), "countries"),
                Arguments.of("countries", java.util.Collections.nCopies(61, "DE"), "countries"),
                Arguments.of("keyCustody", "CUSTOMER", "keyCustody"),
                Arguments.of("hsm", "yes", "hsm"),
                Arguments.of("evidence", Map.of("pue", TestProviders.evidence("https://example.org")), "evidence.pue"),
                Arguments.of("name", "", "name"),
                Arguments.of("url", "https://example.org/a b", "url"),
                Arguments.of("factsAsOf", "2999-01-01", "factsAsOf"),
                Arguments.of("provider", "ovhcloud", "provider"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalNamesItsFieldAndStoresNothing(String field, Object value, String named) {
        String path = newOfferingPath();
        Map<String, Object> offering = TestProviders.offering("Refused");
        offering.put(field, value);
        asEditor().body(offering).when().put(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(named));
        asViewer().when().get(path).then().statusCode(404);

        asEditor().body(TestProviders.offering("Kept")).when().put(path).then().statusCode(201);
        asEditor().header("If-Match", "\"0\"").body(offering).when().put(path)
                .then().statusCode(400).body("errors.field", hasItem(named));
        asEditor().contentType(MERGE_PATCH).body(Map.of(field, value)).when().patch(path)
                .then().statusCode(400).body("errors.field", hasItem(named));
        asViewer().when().get(path).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("name", equalTo("Kept"));
    }

    @Test
    void mergePatchRemovesAFactOnlyWithItsEvidence() {
        String path = created();
        Map<String, Object> patch = new HashMap<>();
        patch.put("keyCustody", null);
        asEditor().contentType(MERGE_PATCH).body(patch).when().patch(path)
                .then().statusCode(400).body("errors.field", hasItem("evidence.keyCustody"));
        patch.put("evidence", nullValued("keyCustody"));
        patch.put("hsm", null);
        patch.put("countries", List.of("NL"));
        asEditor().contentType(MERGE_PATCH).body(patch).when().patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("keyCustody", nullValue()).body("hsm", nullValue()).body("countries", equalTo(List.of("NL")))
                .body("evidence.keyCustody", nullValue()).body("evidence.entry.source", equalTo("https://example.org/offering"))
                .body("name", equalTo("Managed Test Drive"));
        asEditor().header("If-Match", "\"0\"").contentType(MERGE_PATCH).body(Map.of("name", "Never Stored")).when().patch(path)
                .then().statusCode(412);
        asEditor().contentType(MERGE_PATCH).body(Map.of("name", "Never Stored", "version", 0)).when().patch(path)
                .then().statusCode(409);
        asEditor().header("If-Match", "\"1\"").contentType(MERGE_PATCH).body(Map.of("name", "Patched Drive")).when().patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("name", equalTo("Patched Drive"));
    }

    @Test
    void deleteRemovesOnlyTheOffering() {
        String path = created();
        String provider = path.split("/")[4];
        String product = path.split("/")[6];
        asEditor().header("If-Match", "\"5\"").when().delete(path).then().statusCode(412);
        asEditor().header("If-Match", "\"0\"").when().delete(path).then().statusCode(204);
        asViewer().when().get(path).then().statusCode(404);
        asEditor().when().delete(path).then().statusCode(404);
        asViewer().when().get(PROVIDERS + "/" + provider).then().statusCode(200).body("offeringCount", equalTo(0));
        asViewer().when().get(PRODUCTS + "/" + product).then().statusCode(200);
    }

    @Test
    void deletingAProviderDeletesItsOfferingsButNotTheirProducts() {
        String path = created();
        String provider = path.split("/")[4];
        String product = path.split("/")[6];
        asEditor().when().delete(PROVIDERS + "/" + provider).then().statusCode(204);
        asViewer().when().get(path).then().statusCode(404);
        asViewer().when().get(PROVIDERS + "/" + provider + "/offerings").then().statusCode(404);
        asViewer().when().get(PRODUCTS + "/" + product).then().statusCode(200);
        asViewer().when().get(PRODUCTS + "/" + product + "/offerings").then().statusCode(200)
                .body("provider", not(hasItem(provider)));
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }
}

package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
class ProviderResourceTest {

    private static final String PROVIDERS = "/api/v1/providers";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static String create(Map<String, Object> provider) {
        return asEditor().body(provider).when().post(PROVIDERS).then().statusCode(201).extract().path("slug");
    }

    private static String etag(String slug) {
        return given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/" + slug).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void createAnswers201WithLocationEtagAndDerivedFacts() {
        String slug = TestProducts.uniqueSlug("provider");
        asEditor().body(TestProviders.valid(slug)).when().post(PROVIDERS)
                .then().statusCode(201)
                .header("Location", endsWith(PROVIDERS + "/" + slug))
                .header("ETag", equalTo("\"0\""))
                .body("slug", equalTo(slug))
                .body("legalName", equalTo("Test Cloud SE"))
                .body("euJurisdiction", equalTo(true))
                .body("ultimateParent.country", equalTo("LU"))
                .body("euControlled", equalTo(true))
                .body("energy.pue", equalTo(1.25f))
                .body("energy.climateNeutralDataCentrePact", nullValue())
                .body("evidence.pue.source", equalTo("https://example.org/" + slug + "/energy"))
                .body("offeringCount", equalTo(0))
                .body("version", equalTo(0));
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("name", equalTo("Test Cloud " + slug));
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS)
                .then().statusCode(200).body("slug", hasItem(slug));
    }

    @Test
    void aForeignParentMakesItForeignControlled() {
        Map<String, Object> provider = TestProviders.valid(TestProducts.uniqueSlug("provider"));
        provider.put("ultimateParent", Map.of("name", "Test Parent Inc.", "country", "US"));
        asEditor().body(provider).when().post(PROVIDERS)
                .then().statusCode(201).body("euJurisdiction", equalTo(true)).body("euControlled", equalTo(false));
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        asEditor().body(TestProviders.valid(slug)).when().post(PROVIDERS).then().statusCode(409)
                .contentType("application/problem+json");
        asEditor().body(TestProviders.valid("ovhcloud")).when().post(PROVIDERS).then().statusCode(409);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("country", "XX", "country"),
                Arguments.of("country", "fr", "country"),
                Arguments.of("ultimateParent", Map.of("name", "Nobody", "country", "ZZ"), "ultimateParent.country"),
                Arguments.of("ultimateParent", Map.of("name", "Nobody", "country", "lu"), "ultimateParent.country"),
                Arguments.of("energy", Map.of("pue", 0.9), "energy.pue"),
                Arguments.of("energy", Map.of("pue", 1.234), "energy.pue"),
                Arguments.of("energy", Map.of("renewableShare", 1.5), "energy.renewableShare"),
                Arguments.of("energy", Map.of("renewableShare", 0.1234), "energy.renewableShare"),
                Arguments.of("energy", Map.of("pue", 1.2, "watts", 3), "energy.watts"),
                Arguments.of("evidence", Map.of("licence", TestProviders.evidence("https://example.org")), "evidence.licence"),
                Arguments.of("evidence", Map.of("climateNeutralDataCentrePact", TestProviders.evidence("https://example.org")),
                        "evidence.climateNeutralDataCentrePact"),
                Arguments.of("type", "CLOUD", "type"),
                Arguments.of("name", " ", "name"),
                Arguments.of("website", "ftp://example.org", "website"),
                Arguments.of("certifications", java.util.Collections.nCopies(21, "ISO 27001"), "certifications"),
                Arguments.of("factsAsOf", "2999-01-01", "factsAsOf"),
                Arguments.of("slug", "Not A Slug", "slug"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void everyRefusalNamesItsFieldAndStoresNothing(String field, Object value, String named) {
        String slug = TestProducts.uniqueSlug("refused");
        Map<String, Object> provider = TestProviders.valid(slug);
        provider.put(field, value);
        asEditor().body(provider).when().post(PROVIDERS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(named));
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/" + slug).then().statusCode(404);

        String existing = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        Map<String, Object> replacement = TestProviders.valid(existing);
        replacement.put(field, value);
        asEditor().header("If-Match", "\"0\"").body(replacement).when().put(PROVIDERS + "/" + existing)
                .then().statusCode(400).body("errors.field", hasItem(named));
        asEditor().contentType(MERGE_PATCH).body(Map.of(field, value)).when().patch(PROVIDERS + "/" + existing)
                .then().statusCode(400).body("errors.field", hasItem(named));
        org.junit.jupiter.api.Assertions.assertEquals("\"0\"", etag(existing), "a refused write changed the provider");
    }

    @Test
    void replaceWithCurrentEtagSucceedsAndBumpsTheVersion() {
        String slug = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        Map<String, Object> replacement = TestProviders.valid(slug);
        replacement.put("name", "Renamed Cloud");
        replacement.remove("legalName");
        asEditor().header("If-Match", "\"0\"").body(replacement).when().put(PROVIDERS + "/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Renamed Cloud"))
                .body("legalName", nullValue()).body("version", equalTo(1));
        replacement.put("version", 1);
        replacement.put("name", "Renamed Again");
        asEditor().body(replacement).when().put(PROVIDERS + "/" + slug).then().statusCode(200).header("ETag", equalTo("\"2\""));
    }

    @Test
    void staleEtagIs412StaleVersionIs409AndNeitherIs428() {
        String slug = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        asEditor().header("If-Match", "\"0\"").body(TestProviders.valid(slug)).when().put(PROVIDERS + "/" + slug)
                .then().statusCode(200);
        Map<String, Object> replacement = TestProviders.valid(slug);
        replacement.put("name", "Never Stored");
        asEditor().header("If-Match", "\"0\"").body(replacement).when().put(PROVIDERS + "/" + slug)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", equalTo("\"1\""));
        asEditor().body(withVersion(replacement, 0)).when().put(PROVIDERS + "/" + slug)
                .then().statusCode(409).body("errors.field", hasItem("version"));
        asEditor().body(replacement).when().put(PROVIDERS + "/" + slug)
                .then().statusCode(428).contentType("application/problem+json");
        asEditor().header("If-Match", "\"0\"").contentType(MERGE_PATCH).body(Map.of("name", "Never Stored"))
                .when().patch(PROVIDERS + "/" + slug).then().statusCode(412);
        asEditor().contentType(MERGE_PATCH).body(Map.of("name", "Never Stored", "version", 0))
                .when().patch(PROVIDERS + "/" + slug).then().statusCode(409);
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Test Cloud " + slug));
    }

    @Test
    void replaceCannotChangeTheSlugOrReachAMissingProvider() {
        String slug = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        asEditor().header("If-Match", "\"0\"").body(TestProviders.valid(slug + "-other")).when().put(PROVIDERS + "/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("slug"));
        asEditor().contentType(MERGE_PATCH).body(Map.of("slug", slug + "-other")).when().patch(PROVIDERS + "/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("slug"));
        String missing = TestProducts.uniqueSlug("missing");
        asEditor().header("If-Match", "\"0\"").body(TestProviders.valid(missing)).when().put(PROVIDERS + "/" + missing)
                .then().statusCode(404);
        asEditor().contentType(MERGE_PATCH).body(Map.of("name", "x")).when().patch(PROVIDERS + "/" + missing)
                .then().statusCode(404);
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullRemovesAFactWithItsEvidence() {
        String slug = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        asEditor().contentType(MERGE_PATCH).body(Map.of("energy", Map.of("climateNeutralDataCentrePact", true)))
                .when().patch(PROVIDERS + "/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("energy.pue", equalTo(1.25f)).body("energy.climateNeutralDataCentrePact", equalTo(true))
                .body("legalName", equalTo("Test Cloud SE"));
        Map<String, Object> removePue = new HashMap<>();
        removePue.put("energy", nullMap("pue"));
        asEditor().contentType(MERGE_PATCH).body(removePue).when().patch(PROVIDERS + "/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("evidence.pue"));
        removePue.put("evidence", nullMap("pue"));
        removePue.put("legalName", null);
        removePue.put("ultimateParent", null);
        asEditor().contentType(MERGE_PATCH).body(removePue).when().patch(PROVIDERS + "/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("energy.pue", nullValue()).body("energy.renewableShare", equalTo(0.9f))
                .body("evidence.pue", nullValue()).body("evidence.entry.source", equalTo("https://example.org/" + slug))
                .body("legalName", nullValue()).body("ultimateParent", nullValue()).body("euControlled", equalTo(true));
        asEditor().contentType(MERGE_PATCH).body("[]").when().patch(PROVIDERS + "/" + slug).then().statusCode(400);
    }

    @Test
    void deleteHonoursIfMatch() {
        String slug = create(TestProviders.valid(TestProducts.uniqueSlug("provider")));
        asEditor().header("If-Match", "\"3\"").when().delete(PROVIDERS + "/" + slug).then().statusCode(412);
        asEditor().header("If-Match", "\"0\"").when().delete(PROVIDERS + "/" + slug).then().statusCode(204);
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/" + slug).then().statusCode(404);
        asEditor().when().delete(PROVIDERS + "/" + slug).then().statusCode(404);
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", PROVIDERS, ContentType.JSON.toString()),
                Arguments.of("PUT", PROVIDERS + "/ovhcloud", ContentType.JSON.toString()),
                Arguments.of("PATCH", PROVIDERS + "/ovhcloud", MERGE_PATCH),
                Arguments.of("DELETE", PROVIDERS + "/ovhcloud", null),
                Arguments.of("PUT", PROVIDERS + "/ovhcloud/offerings/kubernetes", ContentType.JSON.toString()),
                Arguments.of("PATCH", PROVIDERS + "/ovhcloud/offerings/kubernetes", MERGE_PATCH),
                Arguments.of("DELETE", PROVIDERS + "/ovhcloud/offerings/kubernetes", null));
    }

    @ParameterizedTest
    @MethodSource("writes")
    void writesNeedTheEditorRole(String method, String path, String contentType) {
        RequestSpecification viewer = given().auth().oauth2(CatalogTokens.viewer());
        RequestSpecification anonymous = given();
        RequestSpecification badToken = given().auth().oauth2(CatalogTokens.tamperedSignature());
        if (contentType != null) {
            viewer.contentType(contentType).body("{}");
            anonymous.contentType(contentType).body("{}");
            badToken.contentType(contentType).body("{}");
        }
        viewer.when().request(method, path).then().statusCode(403).contentType("application/problem+json");
        anonymous.when().request(method, path).then().statusCode(401).contentType("application/problem+json");
        badToken.when().request(method, path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/ovhcloud").then().statusCode(200);
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PROVIDERS + "/ovhcloud/offerings/kubernetes")
                .then().statusCode(200);
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("version", version);
        return copy;
    }

    private static Map<String, Object> nullMap(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }
}

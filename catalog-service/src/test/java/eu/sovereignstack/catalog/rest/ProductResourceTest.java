package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.CatalogTokens;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ProductResourceTest {

    private static final String PRODUCTS = "/api/v1/products";

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer());
    }

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static String create(Map<String, Object> product) {
        return asEditor().body(product).when().post(PRODUCTS).then().statusCode(201).extract().path("slug");
    }

    // ---- search ---------------------------------------------------------------------------

    @Test
    void searchPagesThroughTheWholeCatalogWithATotal() {
        Response first = asViewer().queryParam("size", 10).when().get(PRODUCTS);
        first.then().statusCode(200).body("items", hasSize(10)).body("page", equalTo(0)).body("size", equalTo(10));
        int total = first.path("totalItems");
        int pages = first.path("totalPages");
        assertTrue(total >= 80, "the seed holds at least 80 products, found " + total);
        assertEquals((total + 9) / 10, pages);

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            seen.addAll(asViewer().queryParam("size", 10).queryParam("page", page).when().get(PRODUCTS)
                    .then().statusCode(200).extract().<List<String>>path("items.slug"));
        }
        assertEquals(total, seen.size());
        assertEquals(total, seen.stream().distinct().count(), "pages neither repeat nor skip products");
    }

    @Test
    void searchSortsByNameBothWays() {
        List<String> ascending = asViewer().queryParam("kind", "SOFTWARE").queryParam("openSource", false)
                .queryParam("size", 100).when().get(PRODUCTS).path("items.name");
        List<String> descending = asViewer().queryParam("kind", "SOFTWARE").queryParam("openSource", false)
                .queryParam("size", 100).queryParam("sort", "-name").when().get(PRODUCTS).path("items.name");
        assertTrue(ascending.size() > 10 && ascending.size() < 100, "one page holds all proprietary software products");
        List<String> reversed = new ArrayList<>(descending);
        java.util.Collections.reverse(reversed);
        assertEquals(ascending, reversed);
        List<String> caseInsensitive = new ArrayList<>(ascending);
        caseInsensitive.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(caseInsensitive.get(0), ascending.get(0));
    }

    @Test
    void searchFiltersByCategoryKindAndOpenness() {
        asViewer().queryParam("category", "identity-access").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.category", everyItem(equalTo("identity-access")))
                .body("items.slug", hasItems("keycloak", "okta", "microsoft-entra-id"));
        asViewer().queryParam("category", "identity-access").queryParam("openSource", "true").when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.openSource", everyItem(equalTo(true)))
                .body("items.slug", hasItem("keycloak"))
                .body("items.slug", not(hasItem("okta")));
        asViewer().queryParam("kind", "SERVICE").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.kind", everyItem(equalTo("SERVICE")))
                .body("items.slug", hasItem("microsoft-365"));
    }

    @Test
    void searchFiltersByLicenceGovernanceCountryStandardAndDeployment() {
        asViewer().queryParam("licence", "agpl-3.0-or-later").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("totalItems", greaterThan(0))
                .body("items.licenceIds", everyItem(hasItem("AGPL-3.0-or-later")));
        asViewer().queryParam("governance", "PROPRIETARY_VENDOR").queryParam("category", "video-conferencing")
                .queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.governance", everyItem(equalTo("PROPRIETARY_VENDOR")))
                .body("items.slug", hasItems("zoom", "webex"));
        asViewer().queryParam("stewardCountry", "FR").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.steward.country", everyItem(equalTo("FR")))
                .body("totalItems", greaterThan(0));
        asViewer().queryParam("standard", "S3").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.standards", everyItem(hasItem("S3")))
                .body("items.slug", hasItems("aws-s3", "minio", "garage"));
        asViewer().queryParam("deploymentModel", "SAAS").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.deploymentModels", everyItem(hasItem("SAAS")));
    }

    @Test
    void euOnlyKeepsProductsWhoseStewardAndDataStayInTheEu() {
        asViewer().queryParam("euOnly", "true").queryParam("size", 100).when().get(PRODUCTS)
                .then().statusCode(200)
                .body("items.euJurisdiction", everyItem(equalTo(true)))
                .body("items.slug", hasItem("nextcloud"))
                .body("items.slug", not(hasItem("microsoft-365")))
                .body("items.slug", not(hasItem("kubernetes")));
    }

    @Test
    void freeTextMatchesNameAndDescriptionCaseInsensitively() {
        asViewer().queryParam("q", "NEXTCLOUD").when().get(PRODUCTS)
                .then().statusCode(200).body("items.slug", hasItem("nextcloud"));
        asViewer().queryParam("q", "100%_no_such_thing").when().get(PRODUCTS)
                .then().statusCode(200).body("totalItems", equalTo(0)).body("items", hasSize(0));
    }

    @ParameterizedTest
    @CsvSource({
            "size, 101, size",
            "size, 0, size",
            "page, -1, page",
            "sort, popularity, sort",
            "kind, GADGET, kind",
            "openSource, maybe, openSource",
            "governance, anarchy, governance",
            "deploymentModel, ON_PREMISES, deploymentModel",
            "stewardCountry, Germany, stewardCountry"})
    void badSearchParametersAreProblemsNamingTheParameter(String name, String value, String field) {
        asViewer().queryParam(name, value).when().get(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void tooLongFreeTextIsRejected() {
        asViewer().queryParam("q", "x".repeat(CatalogLimits.QUERY_TEXT + 1)).when().get(PRODUCTS)
                .then().statusCode(400).body("errors.field", hasItem("q"));
    }

    // ---- read ------------------------------------------------------------------------------

    @Test
    void getReturnsTheProductWithDerivedLicenceFactsAndAnEtag() {
        asViewer().when().get(PRODUCTS + "/keycloak")
                .then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"\\d+\""))
                .body("slug", equalTo("keycloak"))
                .body("licenceIds", hasItem("Apache-2.0"))
                .body("licenceFamily", equalTo("PERMISSIVE"))
                .body("openSource", equalTo(true))
                .body("standards", hasItems("OIDC", "SAML"));
        asViewer().when().get(PRODUCTS + "/okta")
                .then().statusCode(200)
                .body("licenceFamily", equalTo("PROPRIETARY"))
                .body("openSource", equalTo(false))
                .body("euJurisdiction", equalTo(false));
    }

    @Test
    void unknownProductIsA404Problem() {
        asViewer().when().get(PRODUCTS + "/no-such-product")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-product"))
                .body("instance", equalTo(PRODUCTS + "/no-such-product"));
    }

    // ---- create ------------------------------------------------------------------------------

    @Test
    void createAnswers201WithLocationEtagAndDerivedFacts() {
        String slug = TestProducts.uniqueSlug("create");
        asEditor().body(TestProducts.valid(slug)).when().post(PRODUCTS)
                .then().statusCode(201)
                .header("Location", endsWith(PRODUCTS + "/" + slug))
                .header("ETag", equalTo("\"0\""))
                .body("licenceFamily", equalTo("NETWORK_COPYLEFT"))
                .body("licenceIds", equalTo(List.of("AGPL-3.0-or-later")))
                .body("openSource", equalTo(true))
                .body("euJurisdiction", equalTo(true))
                .body("health.scorecardScore", equalTo(7.5f))
                .body("version", equalTo(0));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(200).body("name", equalTo("Test Drive " + slug));
    }

    @Test
    void invalidLicenceIsA400NamingTheLicenceField() {
        String slug = TestProducts.uniqueSlug("badlicence");
        asEditor().body(TestProducts.with(TestProducts.valid(slug), "licence", "GPL-9.9-or-whatever AND"))
                .when().post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("licence")))
                .body("errors[0].message", containsString("SPDX"));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(404);
    }

    @Test
    void unknownCategoryIsRejected() {
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("cat")), "category", "toasters"))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("category")));
    }

    @Test
    void everyInvalidFieldIsListed() {
        Map<String, Object> product = TestProducts.valid("Not A Slug");
        product.put("name", "");
        product.put("description", "x".repeat(CatalogLimits.DESCRIPTION + 1));
        product.put("steward", Map.of("name", "Someone", "country", "deu"));
        product.put("deploymentModels", List.of());
        product.put("dataLocations", List.of("FR", "europe"));
        product.put("website", "ftp://example.org");
        product.put("factsAsOf", "2999-01-01");
        asEditor().body(product).when().post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("slug", "name", "description", "steward.country", "deploymentModels",
                        "website", "factsAsOf"))
                .body("errors.field", hasItem(containsString("dataLocations")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/\u0000", "https://example.org/a\u007fb", "https://example.org/\u0085",
            "https://example.org/a b", "https://exa\u001bmple.org"})
    void urlsWithControlCharactersOrSpacesAreRejected(String url) {
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("url")), "sourceRepository", url))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("sourceRepository")));
    }

    @Test
    void controlCharactersInSingleLineFieldsAreRejected() {
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("ctl")), "name", "evil\u0000name"))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void aNumberOrABooleanIsNoText() {
        for (Object notText : List.of(123, 4.5, true)) {
            String slug = TestProducts.uniqueSlug("typed");
            asEditor().body(TestProducts.with(TestProducts.valid(slug), "name", notText)).when().post(PRODUCTS)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
            given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + slug).then().statusCode(404);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"id", "createdAt", "updatedAt", "createdBy", "euJurisdiction", "licenceFamily"})
    void serverDecidedFieldsCannotBeSent(String field) {
        String slug = TestProducts.uniqueSlug("mass");
        asEditor().body(TestProducts.with(TestProducts.valid(slug), field, field.equals("euJurisdiction") ? true : "x"))
                .when().post(PRODUCTS)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        given().auth().oauth2(CatalogTokens.viewer()).when().get(PRODUCTS + "/" + slug).then().statusCode(404);
    }

    @Test
    void malformedJsonAndWrongTypesAreProblemsWithALocation() {
        asEditor().body("{\"slug\": \"broken\", ").when().post(PRODUCTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body("detail", containsString("line"));
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("type")), "kind", "GADGET"))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("SOFTWARE"));
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("unknown")), "owner", "me"))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors[0].field", equalTo("owner"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void unknownFieldsInsideStewardAndHealthAreRejected() {
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("steward")), "steward",
                        Map.of("name", "Test Foundation e.V.", "country", "DE", "owner", "me")))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors[0].field", equalTo("steward.owner"))
                .body("errors[0].message", equalTo("unknown field"));
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("health")), "health",
                        Map.of("latestReleaseVersion", "1.2.3", "stars", 5)))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors[0].field", equalTo("health.stars"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void missingBodyAndWrongContentTypeAreRejected() {
        asEditor().when().post(PRODUCTS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.TEXT).body("slug=x")
                .when().post(PRODUCTS).then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String huge = "{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        asEditor().body(huge).when().post(PRODUCTS)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void duplicateSlugIsAConflict() {
        asEditor().body(TestProducts.valid("keycloak")).when().post(PRODUCTS)
                .then().statusCode(409).contentType("application/problem+json");
    }

    // ---- replace, patch, delete -----------------------------------------------------------------

    @Test
    void replaceWithCurrentEtagSucceedsAndBumpsTheVersion() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("put")));
        Map<String, Object> changed = TestProducts.with(TestProducts.valid(slug), "licence", "MIT OR Apache-2.0");
        asEditor().header("If-Match", "\"0\"").body(changed).when().put(PRODUCTS + "/" + slug)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("licenceFamily", equalTo("PERMISSIVE"))
                .body("licenceIds", equalTo(List.of("Apache-2.0", "MIT")));
    }

    @Test
    void replaceWithStaleEtagIs412AndChangesNothing() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("stale")));
        asEditor().header("If-Match", "\"0\"").body(TestProducts.with(TestProducts.valid(slug), "name", "First"))
                .when().put(PRODUCTS + "/" + slug).then().statusCode(200);
        asEditor().header("If-Match", "\"0\"").body(TestProducts.with(TestProducts.valid(slug), "name", "Second"))
                .when().put(PRODUCTS + "/" + slug)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", equalTo("\"1\""));
        asViewer().when().get(PRODUCTS + "/" + slug).then().body("name", equalTo("First")).body("version", equalTo(1));
    }

    @Test
    void replaceWithStaleBodyVersionIs409() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("conflict")));
        asEditor().body(TestProducts.with(TestProducts.with(TestProducts.valid(slug), "version", 0), "name", "Early"))
                .when().put(PRODUCTS + "/" + slug)
                .then().statusCode(200).body("version", equalTo(1));
        asEditor().body(TestProducts.with(TestProducts.with(TestProducts.valid(slug), "version", 0), "name", "Late"))
                .when().put(PRODUCTS + "/" + slug)
                .then().statusCode(409).body("errors.field", hasItem("version"));
    }

    @Test
    void replaceWithoutAnyPreconditionIs428() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("noprecond")));
        asEditor().body(TestProducts.valid(slug)).when().put(PRODUCTS + "/" + slug)
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void replaceCannotChangeTheSlugOrReachAMissingProduct() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("rename")));
        asEditor().header("If-Match", "\"0\"").body(TestProducts.valid("another-slug"))
                .when().put(PRODUCTS + "/" + slug).then().statusCode(400).body("errors.field", hasItem("slug"));
        asEditor().header("If-Match", "\"0\"").body(TestProducts.valid("does-not-exist"))
                .when().put(PRODUCTS + "/does-not-exist").then().statusCode(404);
        asEditor().header("If-Match", "yesterday").body(TestProducts.valid(slug))
                .when().put(PRODUCTS + "/" + slug).then().statusCode(400).body("errors.field", hasItem("If-Match"));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullRemovesOptionalFacts() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("patch")));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"standards\": [\"WebDAV\", \"CalDAV\", \"WebDAV\"], \"website\": null, \"health\": {\"scorecardScore\": 8.1}}")
                .when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(200)
                .body("standards", equalTo(List.of("WebDAV", "CalDAV")))
                .body("website", nullValue())
                .body("health.scorecardScore", equalTo(8.1f))
                .body("health.latestReleaseVersion", equalTo("1.2.3"))
                .body("name", equalTo("Test Drive " + slug))
                .body("version", equalTo(1));
    }

    @Test
    void mergePatchIsValidatedLikeAReplacement() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("badpatch")));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"name\": null}").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"licence\": \"Nonsense-1.0\"}").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("licence"));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"unknownFact\": 1}").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("unknownFact"));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("[1, 2]").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(400);
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"version\": 7, \"name\": \"x\"}").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(409);
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json").header("If-Match", "\"5\"")
                .body("{\"name\": \"x\"}").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(412);
        asViewer().when().get(PRODUCTS + "/" + slug).then().body("version", equalTo(0)).body("name", equalTo("Test Drive " + slug));
    }

    @Test
    void deleteRemovesTheProductAndHonoursIfMatch() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("delete")));
        asEditor().header("If-Match", "\"3\"").when().delete(PRODUCTS + "/" + slug).then().statusCode(412);
        asEditor().when().delete(PRODUCTS + "/" + slug).then().statusCode(204);
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(404);
        asEditor().when().delete(PRODUCTS + "/" + slug).then().statusCode(404);
    }

    @Test
    void pageSizeIsCappedAndDocumented() {
        asViewer().queryParam("size", CatalogLimits.PAGE_SIZE_MAX).when().get(PRODUCTS)
                .then().statusCode(200).body("items.size()", lessThanOrEqualTo(CatalogLimits.PAGE_SIZE_MAX));
    }

    // ---- package URLs and aliases ----------------------------------------------------------

    @Test
    void purlsAreStoredCanonicalWithoutVersionAndAliasesTrimmedAndDistinct() {
        Map<String, Object> product = TestProducts.valid(TestProducts.uniqueSlug("ids"));
        product.put("purls", List.of("pkg:maven/org.example/Thing@1.0?type=jar#META-INF", "pkg:github/Example/Thing",
                "pkg:maven/org.example/Thing@2.0", "pkg:npm/@example/thing@3"));
        product.put("aliases", List.of(" Thing ", "Thing", "Example Thing Server"));
        String slug = create(product);
        asViewer().when().get(PRODUCTS + "/" + slug)
                .then().statusCode(200)
                .body("purls", equalTo(List.of("pkg:maven/org.example/Thing", "pkg:github/example/thing",
                        "pkg:npm/%40example/thing")))
                .body("aliases", equalTo(List.of("Thing", "Example Thing Server")));
        asViewer().when().get(PRODUCTS + "/keycloak")
                .then().body("purls", hasItem("pkg:maven/org.keycloak/keycloak-core"));
        asViewer().when().get(PRODUCTS + "/microsoft-entra-id")
                .then().body("aliases", hasItems("Azure AD", "Entra ID"));
    }

    @Test
    void aBadPurlIsA400NamingItsIndexOnCreateReplaceAndPatch() {
        String slug = TestProducts.uniqueSlug("badpurl");
        asEditor().body(TestProducts.with(TestProducts.valid(slug), "purls", List.of("not a purl")))
                .when().post(PRODUCTS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("purls[0]")))
                .body("errors[0].message", containsString("Package URL"));
        asViewer().when().get(PRODUCTS + "/" + slug).then().statusCode(404);

        create(TestProducts.valid(slug));
        asEditor().header("If-Match", "\"0\"")
                .body(TestProducts.with(TestProducts.valid(slug), "purls", List.of("https://github.com/example/thing")))
                .when().put(PRODUCTS + "/" + slug)
                .then().statusCode(400).body("errors.field", equalTo(List.of("purls[0]")));
        asEditor().header("If-Match", "\"0\"")
                .body(TestProducts.with(TestProducts.valid(slug), "purls", List.of("pkg:github/example/thing", "pkg:")))
                .when().put(PRODUCTS + "/" + slug)
                .then().statusCode(400).body("errors.field", equalTo(List.of("purls[1]")));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"purls\": [\"pkg:maven\"]}").when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(400).body("errors.field", equalTo(List.of("purls[0]")));
        asViewer().when().get(PRODUCTS + "/" + slug).then().body("version", equalTo(0)).body("purls", equalTo(List.of()));
    }

    @Test
    void purlsAndAliasesAreBounded() {
        Map<String, Object> product = TestProducts.valid(TestProducts.uniqueSlug("bounds"));
        product.put("purls", List.of("pkg:npm/" + "a".repeat(CatalogLimits.PURL)));
        product.put("aliases", List.of("a".repeat(CatalogLimits.ALIAS + 1), "two\nlines", ""));
        asEditor().body(product).when().post(PRODUCTS)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("aliases[0]", "aliases[1]", "aliases[2]", "purls[0]")));
        List<String> many = java.util.stream.IntStream.rangeClosed(0, CatalogLimits.PURLS)
                .mapToObj(i -> "pkg:npm/p" + i).toList();
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("many")), "purls", many))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("purls")));
        // a purl can grow when made canonical (':' becomes %3A): the stored form must fit too
        String growing = "pkg:generic/" + "a:".repeat(140);
        asEditor().body(TestProducts.with(TestProducts.valid(TestProducts.uniqueSlug("growing")), "purls", List.of(growing)))
                .when().post(PRODUCTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("purls[0]")))
                .body("errors[0].message", containsString("canonical"));
    }

    @Test
    void mergePatchSetsAndRemovesPurlsAndAliases() {
        String slug = create(TestProducts.valid(TestProducts.uniqueSlug("patchids")));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"purls\": [\"pkg:pypi/Example_Thing@1.0\"], \"aliases\": [\"ET\"]}")
                .when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(200)
                .body("purls", equalTo(List.of("pkg:pypi/example-thing")))
                .body("aliases", equalTo(List.of("ET")));
        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body("{\"purls\": null}")
                .when().patch(PRODUCTS + "/" + slug)
                .then().statusCode(200)
                .body("purls", equalTo(List.of()))
                .body("aliases", equalTo(List.of("ET")));
    }
}

package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import eu.sovereignstack.catalog.TestProviders;
import eu.sovereignstack.testsupport.TestTokens;

/**
 * A member answers for what it asserts: an entry belongs to the member (issuer) and organisation
 * of the editor who created it, only they change it, the node's own platform-admins moderate any
 * entry, and the seed belongs to the node's member. Every refusal is a 403 problem that names the
 * owner, and leaves the entry as it was.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class OwnershipTest {

    private static final String NODE_ISSUER = "https://server.example.com";
    private static final String PARTNER_ISSUER = "https://partner.example.com";
    private static final TestTokens TOKENS = TestTokens.forAudience("catalog-service");
    private static final String PRODUCTS = "/api/v1/products";
    private static final String PROVIDERS = "/api/v1/providers";
    /** A seed product and provider: the node's own. */
    private static final String SEED_PRODUCT = "nextcloud";
    private static final String SEED_PROVIDER = "ovhcloud";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String nodeEditor() {
        return CatalogTokens.editor();
    }

    private static String partnerEditor(String org) {
        return TOKENS.fromPartner().token("partner-editor", org, "catalog-editor", "catalog-viewer");
    }

    private static String nodeAdmin() {
        return TOKENS.token("platformadmin", "demo-municipality", "platform-admin", "catalog-editor", "catalog-auditor",
                "catalog-viewer");
    }

    private static String partnerAdmin() {
        return TOKENS.fromPartner().token("partner-admin", "partner-org", "platform-admin", "catalog-editor", "catalog-auditor",
                "catalog-viewer");
    }

    private static String partnerProduct() {
        String slug = TestProducts.uniqueSlug("partner");
        as(partnerEditor("partner-org")).body(TestProducts.valid(slug)).post(PRODUCTS).then().statusCode(201)
                .body("origin.node", equalTo("sovereign"))
                .body("origin.member", equalTo(PARTNER_ISSUER))
                .body("origin.organisation", equalTo("partner-org"))
                .body("origin.mirrored", equalTo(false));
        return slug;
    }

    private static Map<String, Object> rename(String name) {
        return Map.of("name", name);
    }

    @Test
    void theSeedIsTheNodesMembersAndShowsIt() {
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + SEED_PRODUCT).then().statusCode(200)
                .body("origin.node", equalTo("sovereign"))
                .body("origin.member", equalTo(NODE_ISSUER))
                .body("origin.organisation", nullValue())
                .body("origin.mirrored", equalTo(false));
        as(CatalogTokens.viewer()).get(PROVIDERS + "/" + SEED_PROVIDER).then().statusCode(200)
                .body("origin.member", equalTo(NODE_ISSUER));
    }

    @Test
    void anotherMembersEditorCannotChangeOrDeleteTheSeed() {
        String name = as(CatalogTokens.viewer()).get(PRODUCTS + "/" + SEED_PRODUCT).then().extract().path("name");
        as(partnerEditor("partner-org")).contentType("application/merge-patch+json").body(rename("Taken over"))
                .patch(PRODUCTS + "/" + SEED_PRODUCT).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("the member " + NODE_ISSUER));
        as(partnerEditor("partner-org")).delete(PRODUCTS + "/" + SEED_PRODUCT).then().statusCode(403);
        as(partnerAdmin()).delete(PRODUCTS + "/" + SEED_PRODUCT).then().statusCode(403);
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + SEED_PRODUCT).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void onlyTheOwningOrganisationOfTheMemberChangesItsEntry() {
        String slug = partnerProduct();
        as(nodeEditor()).contentType("application/merge-patch+json").body(rename("Not yours"))
                .patch(PRODUCTS + "/" + slug).then().statusCode(403)
                .body("detail", containsString("the organisation 'partner-org' of the member " + PARTNER_ISSUER));
        as(partnerEditor("other-org")).contentType("application/merge-patch+json").body(rename("Not yours either"))
                .patch(PRODUCTS + "/" + slug).then().statusCode(403);
        as(nodeEditor()).delete(PRODUCTS + "/" + slug).then().statusCode(403);
        as(partnerEditor("partner-org")).contentType("application/merge-patch+json").body(rename("Renamed by its owner"))
                .patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("name", equalTo("Renamed by its owner"))
                .body("origin.organisation", equalTo("partner-org"));
    }

    @Test
    void theNodesPlatformAdminModeratesAnyEntryAndTheOwnerStays() {
        String slug = partnerProduct();
        as(nodeAdmin()).contentType("application/merge-patch+json").body(rename("Moderated"))
                .patch(PRODUCTS + "/" + slug).then().statusCode(200)
                .body("name", equalTo("Moderated"))
                .body("origin.member", equalTo(PARTNER_ISSUER));
        as(nodeAdmin()).delete(PRODUCTS + "/" + slug).then().statusCode(204);
    }

    @Test
    void anImportCannotOverwriteAnotherMembersProductAndWritesNothing() {
        String own = TestProducts.uniqueSlug("own");
        Map<String, Object> nextcloud = as(CatalogTokens.viewer()).get("/api/v1/export").then().statusCode(200).extract()
                .jsonPath().param("slug", SEED_PRODUCT).getMap("products.find { it.slug == slug }");
        as(partnerEditor("partner-org")).body(Map.of("products", List.of(TestProducts.valid(own), nextcloud)))
                .post(PRODUCTS + "/import").then().statusCode(403);
        as(CatalogTokens.viewer()).get(PRODUCTS + "/" + own).then().statusCode(404);
    }

    @Test
    void providersAndTheirOfferingsBelongToTheProvidersMember() {
        String provider = TestProducts.uniqueSlug("partner-cloud");
        as(partnerEditor("partner-org")).body(TestProviders.valid(provider)).post(PROVIDERS).then().statusCode(201)
                .body("origin.member", equalTo(PARTNER_ISSUER))
                .body("origin.organisation", equalTo("partner-org"));
        String offering = PROVIDERS + "/" + provider + "/offerings/" + SEED_PRODUCT;
        as(partnerEditor("partner-org")).body(TestProviders.offering("Partner Nextcloud")).put(offering).then().statusCode(201)
                .body("origin.member", equalTo(PARTNER_ISSUER));
        as(nodeEditor()).body(TestProviders.offering("Hijacked")).header("If-Match", "\"0\"").put(offering).then().statusCode(403);
        as(nodeEditor()).delete(offering).then().statusCode(403);
        as(nodeEditor()).delete(PROVIDERS + "/" + provider).then().statusCode(403);
        as(partnerEditor("partner-org")).body(TestProviders.offering("Partner Nextcloud"))
                .put(PROVIDERS + "/" + SEED_PROVIDER + "/offerings/" + SEED_PRODUCT).then().statusCode(403);
        as(partnerEditor("partner-org")).delete(offering).then().statusCode(204);
        as(partnerEditor("partner-org")).delete(PROVIDERS + "/" + provider).then().statusCode(204);
    }

    @Test
    void aRelationBelongsToTheMemberThatStatedIt() {
        String slug = partnerProduct();
        String relation = PRODUCTS + "/microsoft-teams/alternatives";
        as(partnerEditor("partner-org")).body(Map.of("alternative", slug, "fit", "PARTIAL")).post(relation).then().statusCode(201);
        as(nodeEditor()).delete(relation + "/" + slug).then().statusCode(403);
        as(partnerEditor("partner-org")).delete(relation + "/" + slug).then().statusCode(204);
    }
}

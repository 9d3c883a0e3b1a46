package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ReferenceResourceTest {

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer());
    }

    @Test
    void categoriesComeInTaxonomyOrderWithCounts() {
        asViewer().when().get("/api/v1/categories")
                .then().statusCode(200)
                .body("code", hasItems("virtualization", "identity-access", "object-storage", "video-conferencing"))
                .body("[0].code", equalTo("virtualization"))
                .body("find { it.code == 'identity-access' }.productCount", greaterThanOrEqualTo(4));
    }

    @Test
    void licencesInUseCarryOsiApprovalAndFamily() {
        asViewer().when().get("/api/v1/licences")
                .then().statusCode(200)
                .body("find { it.id == 'Apache-2.0' }.family", equalTo("PERMISSIVE"))
                .body("find { it.id == 'Apache-2.0' }.osiApproved", equalTo(true))
                .body("find { it.id == 'AGPL-3.0-or-later' }.family", equalTo("NETWORK_COPYLEFT"))
                .body("find { it.id == 'GPL-2.0-only' }.family", equalTo("STRONG_COPYLEFT"))
                .body("find { it.id == 'MPL-2.0' }.family", equalTo("WEAK_COPYLEFT"))
                .body("find { it.id == 'LicenseRef-Proprietary' }.family", equalTo("PROPRIETARY"))
                .body("find { it.id == 'LicenseRef-Proprietary' }.spdxListed", equalTo(false))
                .body("productCount", everyItem(greaterThan(0)));
    }

    @Test
    void providersAndTheirOfferings() {
        asViewer().when().get("/api/v1/providers")
                .then().statusCode(200)
                .body("slug", hasItems("ovhcloud", "scaleway"))
                .body("find { it.slug == 'ovhcloud' }.euJurisdiction", equalTo(true))
                .body("find { it.slug == 'ovhcloud' }.offeringCount", greaterThan(0));
        asViewer().when().get("/api/v1/providers/ovhcloud")
                .then().statusCode(200).body("country", equalTo("FR"));
        asViewer().when().get("/api/v1/providers/ovhcloud/offerings")
                .then().statusCode(200)
                .body("provider", everyItem(equalTo("ovhcloud")))
                .body("product.slug", hasItem("kubernetes"));
        asViewer().when().get("/api/v1/products/kubernetes/offerings")
                .then().statusCode(200)
                .body("provider", hasItems("ovhcloud", "scaleway"));
        asViewer().when().get("/api/v1/providers/no-such-cloud").then().statusCode(404);
        asViewer().when().get("/api/v1/providers/no-such-cloud/offerings").then().statusCode(404);
    }

    @Test
    void exportHoldsTheWholeCatalog() {
        asViewer().when().get("/api/v1/export")
                .then().statusCode(200)
                .body("spdxLicenceListVersion", equalTo("3.28.0"))
                .body("exportedAt", notNullValue())
                .body("products.size()", greaterThanOrEqualTo(80))
                .body("alternatives.find { it.replaces == 'okta' && it.product == 'keycloak' }.fit", notNullValue())
                .body("providers.size()", greaterThanOrEqualTo(12))
                .body("offerings.size()", greaterThanOrEqualTo(25))
                .body("categories.size()", greaterThanOrEqualTo(18));
    }
}

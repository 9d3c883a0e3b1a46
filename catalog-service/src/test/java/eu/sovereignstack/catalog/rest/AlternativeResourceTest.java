package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.CatalogTokens;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class AlternativeResourceTest {

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer());
    }

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    @Test
    void seededAlternativesFollowTheDesign() {
        asViewer().when().get("/api/v1/products/vmware-vsphere/alternatives")
                .then().statusCode(200)
                .body("product.slug", hasItems("proxmox-ve", "opennebula", "openstack"));
        asViewer().when().get("/api/v1/products/microsoft-365/alternatives")
                .then().statusCode(200)
                .body("product.slug", hasItems("nextcloud", "bluemind", "cryptpad", "exo-platform"));
        asViewer().when().get("/api/v1/products/okta/alternatives")
                .then().statusCode(200).body("product.slug", hasItems("keycloak", "lemonldap-ng"));
        asViewer().when().get("/api/v1/products/zoom/alternatives")
                .then().statusCode(200).body("product.slug", hasItems("jitsi-meet", "bigbluebutton"));
        asViewer().when().get("/api/v1/products/keycloak/replaces")
                .then().statusCode(200).body("product.slug", hasItems("okta", "microsoft-entra-id"));
    }

    @Test
    void addListAndRemoveARelation() {
        String replaced = asEditor().body(TestProducts.valid(TestProducts.uniqueSlug("legacy")))
                .when().post("/api/v1/products").then().statusCode(201).extract().path("slug");
        asEditor().body(Map.of("alternative", "nextcloud", "fit", "PARTIAL", "notes", "Covers file sharing only."))
                .when().post("/api/v1/products/" + replaced + "/alternatives")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/products/" + replaced + "/alternatives/nextcloud"))
                .body("product.slug", equalTo("nextcloud"))
                .body("fit", equalTo("PARTIAL"));
        asViewer().when().get("/api/v1/products/" + replaced + "/alternatives")
                .then().statusCode(200).body("product.slug", equalTo(java.util.List.of("nextcloud")));
        asViewer().when().get("/api/v1/products/nextcloud/replaces")
                .then().statusCode(200).body("product.slug", hasItem(replaced));

        asEditor().body(Map.of("alternative", "nextcloud", "fit", "FULL"))
                .when().post("/api/v1/products/" + replaced + "/alternatives")
                .then().statusCode(409).contentType("application/problem+json");

        asEditor().when().delete("/api/v1/products/" + replaced + "/alternatives/nextcloud").then().statusCode(204);
        asViewer().when().get("/api/v1/products/nextcloud/replaces")
                .then().statusCode(200).body("product.slug", not(hasItem(replaced)));
        asEditor().when().delete("/api/v1/products/" + replaced + "/alternatives/nextcloud").then().statusCode(404);
    }

    @Test
    void deletingAProductRemovesItsRelations() {
        String product = asEditor().body(TestProducts.valid(TestProducts.uniqueSlug("gone")))
                .when().post("/api/v1/products").then().statusCode(201).extract().path("slug");
        asEditor().body(Map.of("alternative", product, "fit", "FULL"))
                .when().post("/api/v1/products/dropbox/alternatives").then().statusCode(201);
        asEditor().when().delete("/api/v1/products/" + product).then().statusCode(204);
        asViewer().when().get("/api/v1/products/dropbox/alternatives")
                .then().statusCode(200).body("product.slug", not(hasItem(product)));
    }

    @Test
    void badRelationsAreRejected() {
        asEditor().body(Map.of("alternative", "no-such-product", "fit", "FULL"))
                .when().post("/api/v1/products/okta/alternatives")
                .then().statusCode(400).body("errors.field", hasItem("alternative"));
        asEditor().body(Map.of("alternative", "okta", "fit", "FULL"))
                .when().post("/api/v1/products/okta/alternatives")
                .then().statusCode(400).body("errors.field", hasItem("alternative"));
        asEditor().body(Map.of("alternative", "keycloak", "fit", "SOMEWHAT"))
                .when().post("/api/v1/products/okta/alternatives")
                .then().statusCode(400).body("errors.field", hasItem("fit"));
        asEditor().body(Map.of("alternative", "keycloak"))
                .when().post("/api/v1/products/okta/alternatives")
                .then().statusCode(400).body("errors.field", hasItem("fit"));
        asEditor().body(Map.of("alternative", "keycloak", "fit", "FULL"))
                .when().post("/api/v1/products/no-such-product/alternatives")
                .then().statusCode(404);
        asViewer().when().get("/api/v1/products/no-such-product/alternatives").then().statusCode(404);
        asViewer().when().get("/api/v1/products/no-such-product/replaces").then().statusCode(404);
    }
}

package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class SecurityTest {

    static java.util.stream.Stream<String> badTokens() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(CatalogTokens.expired(), CatalogTokens.wrongAudience(),
                CatalogTokens.wrongIssuer(), CatalogTokens.tamperedSignature(), "not-a-jwt"), CatalogTokens.forged().stream());
    }

    @Test
    void noTokenIsUnauthorized() {
        given().when().get("/api/v1/products")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void badTokenIsUnauthorized(String token) {
        given().auth().oauth2(token).when().get("/api/v1/products/keycloak")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void everyFederationMemberReadsTheSharedCatalog() {
        given().auth().oauth2(CatalogTokens.partnerViewer()).when().get("/api/v1/products/keycloak")
                .then().statusCode(200).body("slug", equalTo("keycloak"));
        given().auth().oauth2(CatalogTokens.partnerViewer()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/products")
                .then().statusCode(403);
    }

    @Test
    void tokenWithoutCatalogRoleIsForbidden() {
        given().auth().oauth2(CatalogTokens.token("outsider", "assessor-of-nothing")).when().get("/api/v1/categories")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void viewerCannotWrite() {
        given().auth().oauth2(CatalogTokens.viewer()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/products")
                .then().statusCode(403);
        given().auth().oauth2(CatalogTokens.viewer()).when().delete("/api/v1/products/keycloak")
                .then().statusCode(403);
        given().auth().oauth2(CatalogTokens.viewer()).contentType(ContentType.JSON).body("{\"products\":[]}")
                .when().post("/api/v1/products/import")
                .then().statusCode(403);
        given().auth().oauth2(CatalogTokens.viewer()).contentType(ContentType.JSON)
                .body("{\"alternative\":\"keycloak\",\"fit\":\"FULL\"}")
                .when().post("/api/v1/products/okta/alternatives")
                .then().statusCode(403);
        given().auth().oauth2(CatalogTokens.viewer()).when().get("/api/v1/products/keycloak")
                .then().statusCode(200);
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", org.hamcrest.Matchers.hasItem(
                containsString("Database")));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"));
    }
}

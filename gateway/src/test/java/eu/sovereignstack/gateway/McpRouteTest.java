package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * /mcp at the gateway: forwarded to the MCP server with the caller's token and a request id,
 * limited like the API, and refused without a valid token with the challenge the MCP
 * authorization specification asks for (RFC 9728: where the protected-resource metadata is).
 */
@QuarkusTest
@QuarkusTestResource(Backends.class)
class McpRouteTest {

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-gateway", "sovereign-mcp");
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
    private static final String METADATA = "https://sovereign.example.org/.well-known/oauth-protected-resource/mcp";

    @BeforeEach
    void resetBackend() {
        Backends.mcp.resetAll();
    }

    @Test
    void anMcpRequestIsForwardedWithTheCallersTokenAndLimited() {
        Backends.mcp.stubFor(post(urlEqualTo("/mcp")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withHeader("Mcp-Session-Id", "session-1")
                .withBody("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n")));
        String token = TOKENS.token("viewer", "demo-municipality", "catalog-viewer");

        String body = given().auth().oauth2(token).contentType("application/json").accept("application/json, text/event-stream")
                .body(INITIALIZE)
                .when().post("/mcp")
                .then().statusCode(200)
                .header("Mcp-Session-Id", equalTo("session-1"))
                .header("RateLimit-Remaining", notNullValue())
                .extract().asString();

        assertEquals("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n", body);
        Backends.mcp.verify(postRequestedFor(urlEqualTo("/mcp"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + token))
                .withHeader("X-Request-Id", matching(".{8,}"))
                .withRequestBody(WireMock.equalTo(INITIALIZE)));
    }

    @Test
    void withoutATokenTheChallengeNamesTheProtectedResourceMetadata() {
        given().contentType("application/json").body(INITIALIZE)
                .when().post("/mcp")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer resource_metadata=\"" + METADATA + "\""));
        given().auth().oauth2("not-a-token").contentType("application/json").body(INITIALIZE)
                .when().post("/mcp")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\", resource_metadata=\"" + METADATA + "\""));
        // The API's challenge is unchanged.
        given().when().get("/api/v1/catalog/products").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        assertEquals(0, Backends.mcp.getAllServeEvents().size());
    }

    @Test
    void theGatewayIsReadyWithoutTheMcpServerButNotWithoutAService() {
        Backends.catalog.resetAll();
        Backends.assessment.resetAll();
        Backends.catalog.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)));
        Backends.assessment.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)));

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data.mcp", equalTo("DOWN (404) (optional)"))
                .body("checks[0].data.catalog", equalTo("UP"));

        Backends.assessment.resetAll();
        given().when().get("/q/health/ready").then().statusCode(503).body("checks[0].data.assessment", equalTo("DOWN (404)"));
    }

    @Test
    void theMetadataIsPublic() {
        Backends.mcp.stubFor(get(urlEqualTo("/.well-known/oauth-protected-resource/mcp")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"resource\":\"https://sovereign.example.org/mcp\",\"authorization_servers\":[\"https://id.example\"]}")));

        given().when().get("/.well-known/oauth-protected-resource/mcp")
                .then().statusCode(200)
                .body("resource", equalTo("https://sovereign.example.org/mcp"))
                .body("authorization_servers[0]", containsString("https://id.example"));
    }
}

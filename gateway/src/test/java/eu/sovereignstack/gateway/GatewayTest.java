package eu.sovereignstack.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(Backends.class)
class GatewayTest {

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-gateway", "catalog-service", "assessment-service");
    private static final String ORG = "demo-municipality";

    private static String viewer() {
        return TOKENS.token("viewer", ORG, "catalog-viewer");
    }

    private static String editor() {
        return TOKENS.token("editor", ORG, "catalog-editor", "catalog-viewer");
    }

    private static String assessor() {
        return TOKENS.token("assessor", ORG, "assessor", "catalog-viewer");
    }

    /** A header value the backend must have received. */
    private static com.github.tomakehurst.wiremock.matching.StringValuePattern header(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }

    @BeforeEach
    void resetBackends() {
        Backends.catalog.resetAll();
        Backends.assessment.resetAll();
    }

    @Test
    void catalogRequestsAreForwardedWithTheCallersTokenAndForwardingHeaders() {
        Backends.catalog.stubFor(get(urlPathEqualTo("/api/v1/products"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"items\": []}")));
        String token = viewer();
        given().auth().oauth2(token).queryParam("category", "identity-access").header("Proxy-Authorization", "Basic c2VjcmV0")
                .when().get("/api/v1/catalog/products")
                .then().statusCode(200)
                .body(containsString("\"items\""))
                .header("X-Request-Id", not(emptyOrNullString()))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        Backends.catalog.verify(getRequestedFor(urlEqualTo("/api/v1/products?category=identity-access"))
                .withHeader("Authorization", header("Bearer " + token))
                .withHeader("X-Forwarded-For", matching("127\\.0\\.0\\.1"))
                .withHeader("X-Forwarded-Proto", header("http"))
                .withHeader("X-Request-Id", matching("[0-9a-f-]{36}"))
                .withoutHeader("Proxy-Authorization"));
    }

    @Test
    void bodiesStatusesAndLocationsComeThroughAsTheGatewayExposesThem() {
        Backends.catalog.stubFor(post(urlEqualTo("/api/v1/products"))
                .withRequestBody(equalToJson("{\"slug\": \"x\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", "http://{{request.headers.Host}}/api/v1/products/x")
                        .withHeader("Content-Type", "application/json").withBody("{\"slug\": \"x\"}")
                        .withTransformers("response-template")));
        given().auth().oauth2(editor()).contentType("application/json").body("{\"slug\": \"x\"}")
                .when().post("/api/v1/catalog/products")
                .then().statusCode(201)
                .header("Location", equalTo("http://localhost:" + io.restassured.RestAssured.port + "/api/v1/catalog/products/x"));

        Backends.assessment.stubFor(post(urlEqualTo("/api/v1/assessments"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\": 422}")));
        given().auth().oauth2(assessor()).contentType("application/json").body("{}")
                .when().post("/api/v1/assessments")
                .then().statusCode(422).contentType("application/problem+json");
        Backends.assessment.verify(postRequestedFor(urlEqualTo("/api/v1/assessments")));
    }

    @Test
    void aSaneRequestIdIsKeptAndPassedOn() {
        Backends.assessment.stubFor(get(urlEqualTo("/api/v1/scoring-profiles")).willReturn(aResponse().withStatus(200).withBody("[]")));
        given().auth().oauth2(assessor()).header("X-Request-Id", "trace-1234-abcd")
                .when().get("/api/v1/scoring-profiles")
                .then().statusCode(200).header("X-Request-Id", equalTo("trace-1234-abcd"));
        Backends.assessment.verify(getRequestedFor(urlEqualTo("/api/v1/scoring-profiles"))
                .withHeader("X-Request-Id", header("trace-1234-abcd")));
        given().auth().oauth2(assessor()).header("X-Request-Id", "<script>")
                .when().get("/api/v1/scoring-profiles")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void tokensOfEveryFederationMemberAreForwarded() {
        Backends.catalog.stubFor(get(urlEqualTo("/api/v1/products")).willReturn(aResponse().withStatus(200).withBody("{}")));
        String partnerToken = TOKENS.fromPartner().token("viewer", ORG, "catalog-viewer");
        given().auth().oauth2(partnerToken).when().get("/api/v1/catalog/products").then().statusCode(200);
        Backends.catalog.verify(getRequestedFor(urlEqualTo("/api/v1/products"))
                .withHeader("Authorization", header("Bearer " + partnerToken)));
    }

    @Test
    void tokensAreCheckedBeforeAnythingIsForwarded() {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        given().when().get("/api/v1/catalog/products")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/v1/catalog/products")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.expired("viewer", ORG, "catalog-viewer")).when().get("/api/v1/catalog/products")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TOKENS.wrongIssuer("viewer", ORG, "catalog-viewer")).when().get("/api/v1/catalog/products")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.forAudience("catalog-service").token("viewer", ORG, "catalog-viewer"))
                .when().get("/api/v1/catalog/products")
                .then().statusCode(401);
        given().auth().oauth2(TOKENS.tamperedSignature("viewer", ORG, "catalog-viewer")).when().get("/api/v1/catalog/products")
                .then().statusCode(401);
        for (String forged : java.util.List.of(TOKENS.notYetValid("viewer", ORG, "catalog-viewer"),
                TOKENS.unsigned("viewer", ORG, "catalog-viewer"), TOKENS.hs256WithPublicKey("viewer", ORG, "catalog-viewer"),
                TOKENS.unknownKey("viewer", ORG, "catalog-viewer"))) {
            given().auth().oauth2(forged).when().get("/api/v1/catalog/products")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        Backends.catalog.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void coarseRoleRulesPerRoute() {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        Backends.assessment.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        given().auth().oauth2(viewer()).contentType("application/json").body("{}")
                .when().post("/api/v1/catalog/products")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(viewer()).when().get("/api/v1/assessments")
                .then().statusCode(403);
        given().auth().oauth2(viewer()).contentType("application/json").body("{\"items\": []}")
                .when().post("/api/v1/catalog/products/resolve")
                .then().statusCode(200);
        Backends.assessment.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void corsAllowsTheConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/assessments")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8080"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://evil.example.org").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/assessments")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void unknownPathsAreA404Problem() {
        given().auth().oauth2(viewer()).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(viewer()).when().get("/api/v1/assessmentsX")
                .then().statusCode(404);
    }

    @Test
    void anUnreachableBackendIsA502AndASlowOneA504() {
        Backends.catalog.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth().oauth2(viewer()).when().get("/api/v1/catalog/products")
                .then().statusCode(502).contentType("application/problem+json")
                .body(containsString("catalog"));
        Backends.assessment.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        given().auth().oauth2(assessor()).when().get("/api/v1/assessments")
                .then().statusCode(504).contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        given().auth().oauth2(assessor()).contentType("application/json").body("x".repeat(65 * 1024 * 1024)) // over 64 MB
                .when().post("/api/v1/assessments")
                .then().statusCode(413).contentType("application/problem+json");
        Backends.assessment.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aClientExpecting100ContinueGetsItOnceItsRequestIsAcceptedAndOnlyThenSendsItsBody() throws IOException {
        Backends.assessment.stubFor(post(urlEqualTo("/api/v1/assessments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));
        try (ExpectingClient client = new ExpectingClient("/api/v1/assessments", assessor())) {
            assertEquals("HTTP/1.1 100 Continue", client.interimAnswer(), "the gateway answers the expectation itself");
            assertEquals("HTTP/1.1 201 Created", client.sendBodyAndReadStatus("{}"));
        }
        Backends.assessment.verify(postRequestedFor(urlEqualTo("/api/v1/assessments"))
                .withRequestBody(equalToJson("{}"))
                .withoutHeader("Expect"));

        try (ExpectingClient refused = new ExpectingClient("/api/v1/assessments", null)) {
            assertEquals("HTTP/1.1 401 Unauthorized", refused.interimAnswer(), "no 100: a refused client never uploads");
        }
        try (ExpectingClient wrongRole = new ExpectingClient("/api/v1/assessments", viewer())) {
            assertEquals("HTTP/1.1 403 Forbidden", wrongRole.interimAnswer());
        }
        Backends.assessment.verify(1, postRequestedFor(anyUrl()));
    }

    /** HTTP/1.1 spoken by hand, to see the interim 100 answer that HTTP clients hide. */
    private static final class ExpectingClient implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;

        ExpectingClient(String path, String token) throws IOException {
            socket = new Socket("localhost", io.restassured.RestAssured.port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String headers = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nExpect: 100-continue\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }

        /** The status line of the first answer, before any body was sent; skips its headers. */
        String interimAnswer() throws IOException {
            String status = in.readLine();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the interim answer's headers
            }
            return status;
        }

        String sendBodyAndReadStatus(String body) throws IOException {
            socket.getOutputStream().write(body.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void livenessNeedsNoBackend() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    void theSuitesOpenApiIsPublishedWithTheGatewaysPathsAndSwaggerUi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Sovereign Stack API"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/catalog/products/{slug}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/assessments/{id}/report.md"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/scoring-profiles"))
                .body("paths", not(org.hamcrest.Matchers.hasKey("/api/v1/products")))
                .body("paths.'/api/v1/catalog/products'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ProductPage"))
                .body("components.schemas", org.hamcrest.Matchers.hasKey("Problem"))
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}

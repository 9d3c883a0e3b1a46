package eu.sovereignstack.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.testsupport.TestTokens;

/**
 * The MCP server driven by the official Java SDK, over the services as WireMock stubs: what each
 * tool asks the API (with the caller's token) and what it answers, errors included.
 */
@QuarkusTest
@QuarkusTestResource(value = Services.class, restrictToAnnotatedClass = true)
class McpServerTest {

    private static final TestTokens TOKENS = TestTokens.forAudience("sovereign-mcp");
    private static final String PROBLEM = "application/problem+json";
    private static final String ID = "0b9a4bd4-5d0c-4b6e-9a55-5b8f2c0e7a11";

    @TestHTTPResource("/")
    URI base;

    private final String assessor = TOKENS.token("ada", "demo-municipality", "assessor", "catalog-viewer");
    private McpSyncClient client;

    @BeforeEach
    void connect() {
        Services.catalog.resetAll();
        Services.assessment.resetAll();
        client = McpClients.connect(base, assessor);
        client.initialize();
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    @Test
    void everyToolHasInputAndOutputSchemasAndSaysWhetherItOnlyReads() {
        Map<String, McpSchema.Tool> tools = client.listTools().tools().stream()
                .collect(Collectors.toMap(McpSchema.Tool::name, tool -> tool));

        assertThat(tools.keySet(), containsInAnyOrder("search_catalog", "get_product", "find_alternatives",
                "assess_inventory", "get_assessment", "explain_item", "get_migration_plan", "compare_assessments"));
        tools.values().forEach(tool -> {
            assertEquals("object", tool.inputSchema().get("type"), tool.name());
            assertEquals("object", tool.outputSchema().get("type"), tool.name());
            assertEquals(!tool.name().equals("assess_inventory"), tool.annotations().readOnlyHint(), tool.name());
        });
        // The output schemas are the API's own, self-contained: every $ref points into $defs.
        assertThat(tools.get("get_product").outputSchema().get("properties").toString(), containsString("evidence"));
        String item = tools.get("explain_item").outputSchema().toString();
        assertThat(item, containsString("#/$defs/Finding"));
        assertThat(item, not(containsString("#/components")));
        Object required = tools.get("search_catalog").inputSchema().get("required");
        assertTrue(required == null || ((List<?>) required).isEmpty(), String.valueOf(required));
        assertEquals(Set.of("assessment", "item"), Set.copyOf((List<?>) tools.get("explain_item").inputSchema().get("required")));
    }

    @Test
    void searchCatalogPassesTheFiltersAndTheCallersTokenAndAnswersTheApisPage() {
        Services.catalog.stubFor(get(urlPathEqualTo("/api/v1/products")).willReturn(okJson("""
                {"items":[{"slug":"keycloak","name":"Keycloak","kind":"SOFTWARE","licence":"Apache-2.0","openSource":true,
                "euJurisdiction":false}],"page":0,"size":5,"totalItems":1,"totalPages":1}""")));

        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("search_catalog",
                Map.of("q", "identity", "openSource", true, "size", 5)));

        assertFalse(result.isError());
        assertThat(text(result), containsString("1 product matches:\n- Keycloak (keycloak): software, licence Apache-2.0 (open source)"));
        assertEquals(1, assertInstanceOf(Map.class, result.structuredContent()).get("totalItems"));
        Services.catalog.verify(getRequestedFor(urlPathEqualTo("/api/v1/products"))
                .withQueryParam("q", equalTo("identity"))
                .withQueryParam("openSource", equalTo("true"))
                .withQueryParam("size", equalTo("5"))
                .withHeader("Authorization", equalTo("Bearer " + assessor))
                .withHeader("X-Request-Id", matching(".{8,}")));
    }

    @Test
    void aRefusedArgumentIsAToolErrorWithTheApisReason() {
        Services.catalog.stubFor(get(urlPathEqualTo("/api/v1/products")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", PROBLEM).withBody("""
                        {"type":"https://sovereignstack.eu/problems/validation","title":"Invalid request","status":400,
                        "detail":"The request has invalid fields.","errors":[{"field":"size","message":"must be at most 100"}]}""")));

        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("search_catalog", Map.of("size", 1000)));

        assertTrue(result.isError());
        assertEquals("Invalid request: The request has invalid fields. size must be at most 100 (HTTP 400)", text(result));
    }

    @Test
    void aMissingArgumentIsAToolErrorNamingIt() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_product", Map.of()));

        assertTrue(result.isError());
        assertThat(text(result), containsString("slug"));
        assertThat(Services.catalog.getAllServeEvents(), empty());
    }

    @Test
    void anotherOrganisationsAssessmentIsNotFound() {
        Services.assessment.stubFor(get(urlPathEqualTo("/api/v1/assessments/" + ID + "/status")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", PROBLEM).withBody("""
                        {"type":"https://sovereignstack.eu/problems/not-found","title":"Not found","status":404,
                        "detail":"No assessment %s in your organisation."}""".formatted(ID))));

        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_assessment", Map.of("id", ID)));

        assertTrue(result.isError());
        assertEquals("Not found: No assessment " + ID + " in your organisation. (HTTP 404)", text(result));
    }

    @Test
    void aServiceThatCannotBeReachedIsAToolError() {
        Services.catalog.stubFor(get(urlPathEqualTo("/api/v1/products/keycloak"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("get_product", Map.of("slug", "keycloak")));

        assertTrue(result.isError());
        assertEquals("The catalog service cannot be reached; try again later.", text(result));
    }

    @Test
    void aLargeInventoryAnswersItsStatusAndASmallOneItsSummary() {
        Services.assessment.stubFor(post(urlPathEqualTo("/api/v1/assessments/sbom")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + ID + "\",\"state\":\"queued\",\"items\":20000}")));
        Services.assessment.stubFor(get(urlPathEqualTo("/api/v1/assessments/" + ID + "/status"))
                .willReturn(okJson("{\"id\":\"" + ID + "\",\"state\":\"running\",\"phase\":\"score\",\"progress\":40,\"items\":20000}")));

        McpSchema.CallToolResult queued = client.callTool(new McpSchema.CallToolRequest("assess_inventory",
                Map.of("format", "sbom", "inventory", "{\"bomFormat\":\"CycloneDX\"}", "organisation", "Demo")));

        assertFalse(queued.isError());
        assertEquals("Assessment " + ID + " is running (score, 40 % done), 20000 items. Ask get_assessment again for its result.",
                text(queued));
        assertEquals(Set.of("status"), assertInstanceOf(Map.class, queued.structuredContent()).keySet());
        Services.assessment.verify(postRequestedFor(urlPathEqualTo("/api/v1/assessments/sbom"))
                .withQueryParam("organisation", equalTo("Demo"))
                .withHeader("Content-Type", equalTo("application/vnd.cyclonedx+json"))
                .withHeader("Authorization", equalTo("Bearer " + assessor)));

        Services.assessment.stubFor(get(urlPathEqualTo("/api/v1/assessments/" + ID + "/status"))
                .willReturn(okJson("{\"id\":\"" + ID + "\",\"state\":\"done\",\"items\":20000}")));
        Services.assessment.stubFor(get(urlPathEqualTo("/api/v1/assessments/" + ID + "/summary")).willReturn(okJson("""
                {"id":"%s","name":"Estate","organisation":{"name":"Demo","score":41.5,"seal":1,"confidence":0.8,
                "levels":{"SOV-1":2,"SOV-2":1}},"items":20000,"waves":3,"licenceIssues":0}""".formatted(ID))));

        McpSchema.CallToolResult done = client.callTool(new McpSchema.CallToolRequest("get_assessment", Map.of("id", ID)));

        assertEquals("Assessment Estate (" + ID + ") of Demo: score 41.5/100, SEAL 1, confidence 0.8.\nLevels: SOV-1 2, SOV-2 1"
                + "\n20000 items, 3 migration waves, 0 licence issues.", text(done));
        assertEquals(Set.of("status", "summary"), assertInstanceOf(Map.class, done.structuredContent()).keySet());
    }

    @Test
    void anUnknownFormatIsAToolErrorAndNothingIsSent() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("assess_inventory",
                Map.of("format", "xlsx", "inventory", "a,b")));

        assertTrue(result.isError());
        assertEquals("Invalid request: format must be one of json, csv, sbom, sbom_xml", text(result));
        assertThat(Services.assessment.getAllServeEvents(), empty());
    }

    @Test
    void theReportIsAResourceAndARefusedOneAnError() {
        Services.assessment.stubFor(get(urlPathEqualTo("/api/v1/assessments/" + ID + "/report.md"))
                .willReturn(aResponse().withHeader("Content-Type", "text/markdown").withBody("# Estate\n\nSEAL 1")));

        McpSchema.ReadResourceResult report = client.readResource(new McpSchema.ReadResourceRequest("assessment://" + ID + "/report.md"));

        assertEquals(1, report.contents().size());
        McpSchema.TextResourceContents contents = assertInstanceOf(McpSchema.TextResourceContents.class, report.contents().get(0));
        assertEquals("# Estate\n\nSEAL 1", contents.text());
        assertEquals("text/markdown", contents.mimeType());
        McpError refused = assertThrows(McpError.class,
                () -> client.readResource(new McpSchema.ReadResourceRequest("assessment://" + ID + "/items.csv")));
        assertThat(refused.getMessage(), containsString("HTTP 404"));
    }

    @Test
    void thePromptsAskForTheToolsWithTheArguments() {
        assertThat(client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList(),
                containsInAnyOrder("assess_sbom", "plan_vendor_exit"));

        McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("plan_vendor_exit",
                Map.of("vendor", "Okta", "assessment", ID)));

        String text = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
        assertThat(text, containsString("We want to leave Okta."));
        assertThat(text, containsString("Our estate is assessment " + ID));
    }

    @Test
    void noTokenABadTokenAndAnotherAudienceAreRefused() {
        String otherAudience = TestTokens.forAudience("catalog-service").token("ada", "demo-municipality", "assessor");
        for (String token : java.util.Arrays.asList(null, "not-a-token", otherAudience)) {
            var request = io.restassured.RestAssured.given().contentType("application/json")
                    .accept("application/json, text/event-stream")
                    .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            request.post(base.resolve("/mcp")).then().statusCode(401);

            McpSyncClient refused = McpClients.connect(base, token);
            Exception failure = assertThrows(Exception.class, refused::initialize, String.valueOf(token));
            assertThat(stackTrace(failure), containsString("McpHttpClientTransportAuthorizationException"));
            refused.close();
        }
        assertThat(Services.catalog.getAllServeEvents(), empty());
    }

    private static String text(McpSchema.CallToolResult result) {
        List<McpSchema.Content> content = result.content();
        assertFalse(content.isEmpty());
        return assertInstanceOf(McpSchema.TextContent.class, content.get(0)).text();
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }
}

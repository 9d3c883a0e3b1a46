package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.Resources.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * The MCP server through the gateway, driven by the official MCP Java SDK with tokens of the real
 * Keycloak: every tool against the real services, a resource, and the same rights as the API.
 */
@SovereignStackTest
class McpIT {

    private final SovereignStack stack;
    private final Api gateway;

    McpIT(SovereignStack stack) {
        this.stack = stack;
        this.gateway = stack.gateway();
    }

    @Test
    void anAssessorAssessesExplainsPlansAndComparesThroughTheTools() {
        try (McpSyncClient client = connect(stack.tokens().accessToken(User.ASSESSOR))) {
            McpSchema.InitializeResult initialized = client.initialize();
            assertEquals("sovereign-stack", initialized.serverInfo().name());
            Set<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
            assertEquals(Set.of("search_catalog", "get_product", "find_alternatives", "assess_inventory", "get_assessment",
                    "explain_item", "get_migration_plan", "compare_assessments"), tools);

            Map<?, ?> page = structured(call(client, "search_catalog", Map.of("q", "keycloak")));
            assertTrue(((List<?>) page.get("items")).stream().anyMatch(p -> "keycloak".equals(((Map<?, ?>) p).get("slug"))), page::toString);

            McpSchema.CallToolResult product = call(client, "get_product", Map.of("slug", "keycloak"));
            assertTrue(said(product).startsWith("Keycloak (keycloak): software, licence Apache-2.0"), said(product));
            assertFalse(((Map<?, ?>) structured(product).get("evidence")).isEmpty(), "every fact has its evidence");

            Map<?, ?> alternatives = structured(call(client, "find_alternatives", Map.of("slug", "microsoft-entra-id")));
            assertFalse(((List<?>) alternatives.get("alternatives")).isEmpty(), alternatives::toString);

            McpSchema.CallToolResult assessed = call(client, "assess_inventory",
                    Map.of("format", "json", "inventory", text("assessments/municipality.json")));
            Map<?, ?> summary = (Map<?, ?>) structured(assessed).get("summary");
            String id = (String) summary.get("id");
            assertEquals(0, ((Map<?, ?>) summary.get("organisation")).get("seal"), said(assessed));
            assertTrue(said(assessed).contains("SEAL 0"), said(assessed));
            // The same answer as the API's.
            JsonNode apiSummary = gateway.as(User.ASSESSOR).get("/api/v1/assessments/" + id + "/summary").json();
            assertEquals(apiSummary.path("organisation").path("score").asDouble(),
                    ((Number) ((Map<?, ?>) summary.get("organisation")).get("score")).doubleValue());

            McpSchema.CallToolResult item = call(client, "explain_item", Map.of("assessment", id, "item", "idp"));
            Map<?, ?> explained = structured(item);
            assertEquals("microsoft-entra-id", explained.get("product"));
            assertTrue(said(item).contains("SOV-2 capped at 0"), said(item));
            assertTrue(said(item).contains("source: "), "a finding's facts come with their sources: " + said(item));

            Map<?, ?> plan = structured(call(client, "get_migration_plan", Map.of("assessment", id)));
            assertFalse(((List<?>) plan.get("waves")).isEmpty(), plan::toString);
            assertEquals(Boolean.FALSE, ((Map<?, ?>) plan.get("policy")).get("passed"), "the municipality misses its gate");

            Map<?, ?> again = (Map<?, ?>) structured(call(client, "assess_inventory",
                    Map.of("format", "json", "inventory", text("assessments/municipality.json")))).get("summary");
            Map<?, ?> comparison = structured(call(client, "compare_assessments", Map.of("from", id, "to", again.get("id"))));
            assertEquals(0.0, ((Number) comparison.get("scoreDelta")).doubleValue(), "the same inventory scores the same");

            McpSchema.ReadResourceResult report = client.readResource(new McpSchema.ReadResourceRequest("assessment://" + id + "/report.md"));
            String markdown = assertInstanceOf(McpSchema.TextResourceContents.class, report.contents().get(0)).text();
            assertEquals(gateway.as(User.ASSESSOR).get("/api/v1/assessments/" + id + "/report.md").body(), markdown);
        }
    }

    @Test
    void aViewerCannotAssessAndAnotherOrganisationOrMemberSeesNothing() {
        Reply created = Resources.submitMunicipality(gateway.as(User.ASSESSOR));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().path("id").asText();

        try (McpSyncClient viewer = connect(stack.tokens().accessToken(User.VIEWER))) {
            viewer.initialize();
            McpSchema.CallToolResult refused = viewer.callTool(new McpSchema.CallToolRequest("assess_inventory",
                    Map.of("format", "json", "inventory", text("assessments/municipality.json"))));
            assertTrue(refused.isError());
            assertTrue(said(refused).startsWith("Not allowed: ") && said(refused).endsWith("(HTTP 403)"), said(refused));
            // Reading the catalog is a viewer's right.
            assertFalse(call(viewer, "get_product", Map.of("slug", "keycloak")).isError());
        }
        try (McpSyncClient agency = connect(stack.tokens().accessToken(User.AGENCY_ASSESSOR))) {
            agency.initialize();
            McpSchema.CallToolResult hidden = agency.callTool(new McpSchema.CallToolRequest("get_assessment", Map.of("id", id)));
            assertTrue(hidden.isError());
            assertTrue(said(hidden).startsWith("Not found: ") && said(hidden).endsWith("(HTTP 404)"), said(hidden));
            assertTrue(agency.callTool(new McpSchema.CallToolRequest("explain_item", Map.of("assessment", id, "item", "idp"))).isError());
        }
        // A member's realm is a member's realm: the partner's users reach the shared catalog, and not our assessment.
        try (McpSyncClient partner = connect(stack.tokens().accessToken(User.PARTNER_ASSESSOR))) {
            partner.initialize();
            assertFalse(call(partner, "get_product", Map.of("slug", "keycloak")).isError());
            assertTrue(partner.callTool(new McpSchema.CallToolRequest("get_assessment", Map.of("id", id))).isError());
        }
    }

    @Test
    void withoutATokenTheClientIsToldWhereToLogIn() {
        Reply refused = gateway.anonymous().post("/mcp", "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        assertEquals(401, refused.status(), refused::toString);
        String metadataUrl = gateway.base() + "/.well-known/oauth-protected-resource/mcp";
        assertEquals("Bearer resource_metadata=\"" + metadataUrl + "\"", refused.header("WWW-Authenticate").orElseThrow());

        JsonNode metadata = gateway.anonymous().get("/.well-known/oauth-protected-resource/mcp").json();
        assertEquals(gateway.base() + "/mcp", metadata.path("resource").asText());
        assertEquals(stack.tokens().issuer(User.Realm.SOVEREIGN), metadata.path("authorization_servers").path(0).asText());

        try (McpSyncClient anonymous = connect(null)) {
            assertThrows(RuntimeException.class, anonymous::initialize);
        }
    }

    private McpSyncClient connect(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(gateway.base().toString())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("sovereign-stack-e2e", "1.0")).build();
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertFalse(Boolean.TRUE.equals(result.isError()), () -> tool + " failed: " + said(result));
        return result;
    }

    private static Map<?, ?> structured(McpSchema.CallToolResult result) {
        return assertInstanceOf(Map.class, result.structuredContent());
    }

    private static String said(McpSchema.CallToolResult result) {
        return assertInstanceOf(McpSchema.TextContent.class, result.content().get(0)).text();
    }
}

package eu.sovereignstack.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CATALOG = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/v1/products": {"get": {"operationId": "searchProducts", "tags": ["Products"],
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page1"}}}}}}},
               "/api/v1/products/{slug}": {"parameters": [{"name": "slug", "in": "path"}],
                 "get": {"operationId": "getProduct", "responses": {"200": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/Product"}}}}}}}},
             "components": {
               "schemas": {
                 "Page": {"type": "object", "properties": {"items": {"type": "array", "items": {}}}},
                 "Page1": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Product"}}}},
                 "Product": {"type": "object", "properties": {"health": {"$ref": "#/components/schemas/Health"}}},
                 "Health": {"type": "object", "properties": {"scorecardScore": {"type": "number", "maximum": 10}}}},
               "securitySchemes": {"oidc": {"type": "openIdConnect", "openIdConnectUrl": "http://kc/realms/sovereign"}}},
             "tags": [{"name": "Products"}],
             "security": [{"oidc": []}]}
            """;

    private static final String ASSESSMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/v1/assessments": {
                 "post": {"operationId": "createAssessment", "requestBody": {"content": {
                   "text/csv": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "object"}}}}},
                 "get": {"operationId": "listAssessments",
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page1"}}}}}}},
               "/api/v1/assessments-archive": {"get": {"operationId": "archive"}},
               "/api/v1/internal": {"get": {"operationId": "internal",
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Internal"}}}}}}}},
             "components": {
               "schemas": {
                 "Page1": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/AssessmentSummary"}}}},
                 "AssessmentSummary": {"type": "object", "properties": {"health": {"$ref": "#/components/schemas/Health"}}},
                 "Health": {"type": "object", "properties": {"scorecardScore": {"type": "number"}}},
                 "Internal": {"type": "object"}},
               "securitySchemes": {"oidc": {"type": "openIdConnect", "openIdConnectUrl": "http://kc/realms/sovereign"}}},
             "tags": [{"name": "Assessments"}]}
            """;

    @Test
    void pathsAreThoseTheGatewayExposes() throws Exception {
        JsonNode merged = merge(CATALOG, ASSESSMENT);
        List<String> paths = fieldNames(merged.get("paths"));
        assertEquals(List.of("/api/v1/catalog/products", "/api/v1/catalog/products/{slug}", "/api/v1/assessments"), paths);
        assertEquals("getProduct", merged.at("/paths/~1api~1v1~1catalog~1products~1{slug}/get/operationId").asText());
        assertEquals("[{\"name\":\"Assessments\"},{\"name\":\"Products\"}]", merged.get("tags").toString());
        assertEquals("http://kc/realms/sovereign", merged.at("/components/securitySchemes/oidc/openIdConnectUrl").asText());
        assertEquals("[{\"oidc\":[]}]", merged.get("security").toString());
    }

    @Test
    void jsonComesFirstAmongTheMediaTypesOfARequestBody() throws Exception {
        JsonNode content = merge(CATALOG, ASSESSMENT).at("/paths/~1api~1v1~1assessments/post/requestBody/content");
        assertEquals(List.of("application/json", "text/csv"), fieldNames(content));
    }

    @Test
    void everyOperationDocumentsWhatTheGatewayAnswersItself() throws Exception {
        JsonNode responses = merge(CATALOG, ASSESSMENT).at("/paths/~1api~1v1~1catalog~1products/get/responses");
        assertEquals(List.of("200", "401", "429", "502", "503", "504"), fieldNames(responses));
        assertEquals("#/components/headers/RateLimit-Remaining", responses.at("/200/headers/RateLimit-Remaining/$ref").asText());
        assertEquals("#/components/headers/Retry-After", responses.at("/429/headers/Retry-After/$ref").asText());
        assertEquals("#/components/headers/Retry-After", responses.at("/503/headers/Retry-After/$ref").asText());
        assertFalse(responses.at("/502/headers").has("RateLimit-Limit"), "no rate-limit headers on a 5xx");
        assertTrue(responses.at("/502/headers").has("Access-Control-Allow-Origin"));
        assertEquals("#/components/schemas/Problem", responses.at("/504/content/application~1problem+json/schema/$ref").asText());
    }

    @Test
    void schemasAreNamedWithoutClashes() throws Exception {
        JsonNode merged = merge(CATALOG, ASSESSMENT);
        JsonNode schemas = merged.at("/components/schemas");
        assertEquals(List.of("AssessmentHealth", "AssessmentSummary", "AssessmentSummaryPage", "Health", "Product", "ProductPage"),
                fieldNames(schemas).stream().sorted().toList());
        assertEquals("#/components/schemas/ProductPage",
                merged.at("/paths/~1api~1v1~1catalog~1products/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/AssessmentHealth", schemas.at("/AssessmentSummary/properties/health/$ref").asText());
        assertEquals("#/components/schemas/Health", schemas.at("/Product/properties/health/$ref").asText());
        assertEquals(10, schemas.at("/Health/properties/scorecardScore/maximum").asInt());
        assertFalse(schemas.has("Internal"), "a schema of a path the gateway does not expose is left out");
    }

    @Test
    void anOperationIdUsedTwiceFailsTheMerge() throws Exception {
        String clash = ASSESSMENT.replace("listAssessments", "searchProducts");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> merge(CATALOG, clash));
        assertTrue(failure.getMessage().contains("searchProducts"), failure.getMessage());
    }

    @Test
    void theSameSecuritySchemeDefinedDifferentlyFailsTheMerge() {
        String other = ASSESSMENT.replace("http://kc/realms/sovereign", "http://elsewhere/realms/x");
        assertThrows(IllegalStateException.class, () -> merge(CATALOG, other));
    }

    private static JsonNode merge(String catalog, String assessment) throws Exception {
        ObjectNode info = JSON.createObjectNode().put("title", "Sovereign Stack API");
        return OpenApiMerger.merge(info, List.of(
                new OpenApiMerger.Source("catalog", JSON.readTree(catalog)),
                new OpenApiMerger.Source("assessment", JSON.readTree(assessment))));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

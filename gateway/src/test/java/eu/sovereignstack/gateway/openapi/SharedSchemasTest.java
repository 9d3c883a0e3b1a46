package eu.sovereignstack.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assessment-service publishes the catalog's facts it keeps with an assessment in the
 * catalog's own shapes (the catalog-contract module): every schema it publishes for them must be
 * the catalog's, to the letter. Reads the documents the two services' builds stored.
 */
class SharedSchemasTest {

    private static final String REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCatalogFactsOfAnAssessmentAreTheCatalogsSchemas() throws IOException {
        JsonNode catalog = document("catalog-service");
        JsonNode assessment = document("assessment-service");
        JsonNode facts = assessment.at("/paths/~1api~1v1~1assessments~1{id}~1catalog-facts/get/responses/200/content");
        Set<String> shared = reachable(assessment, facts);

        assertTrue(shared.containsAll(Set.of("ResolveResult", "ResolvedProduct", "Product", "ResolvedOffering", "CountryCode")),
                "the catalog facts are published as the catalog's resolve answer: " + shared);
        for (String name : shared) {
            JsonNode ours = assessment.at("/components/schemas/" + name);
            JsonNode theirs = catalog.at("/components/schemas/" + name);
            assertTrue(!theirs.isMissingNode(), name + " is not a schema of the catalog-service");
            assertEquals(theirs, ours, name + " differs between the catalog-service's and the assessment-service's document");
        }
    }

    /** The schemas a part of a document refers to, directly or through other schemas. */
    private static Set<String> reachable(JsonNode document, JsonNode from) {
        Set<String> names = new TreeSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(from);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && node.asText().startsWith(REF)) {
                String name = node.asText().substring(REF.length());
                if (names.add(name)) {
                    pending.push(document.at("/components/schemas/" + name));
                }
            }
            node.forEach(pending::push);
        }
        return names;
    }

    private static JsonNode document(String service) throws IOException {
        Path file = Path.of("..", service, "target", "openapi", "openapi.json");
        assertTrue(file.toFile().isFile(), file + " is missing: the service's build stores it before the gateway is built");
        return JSON.readTree(file.toFile());
    }
}

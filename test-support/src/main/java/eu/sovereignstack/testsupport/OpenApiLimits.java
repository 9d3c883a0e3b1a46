package eu.sovereignstack.testsupport;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether every string, array and integer of a published OpenAPI document states its limits
 * (the OWASP API4 rules of the Spectral ruleset): a string its maxLength (or its values), an
 * array its maxItems, an integer its minimum and maximum.
 */
public final class OpenApiLimits {

    private OpenApiLimits() {
    }

    /** The values of the running service's document ({@code /q/openapi}) without limits, by JSON path. */
    public static List<String> unboundedValues() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try {
            List<String> unbounded = new ArrayList<>();
            collectUnbounded(new ObjectMapper().readTree(document), "", unbounded);
            return unbounded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void collectUnbounded(JsonNode node, String path, List<String> unbounded) {
        if (node.isObject()) {
            // A schema that refers to another is bounded by it (smallrye adds a type next to the
            // reference of a described enum); the referred schema is checked where it is defined.
            if (!node.has("$ref")) {
                if (hasType(node, "string") && !node.has("maxLength") && !node.has("enum") && !node.has("const")) {
                    unbounded.add(path + ": string without maxLength");
                }
                if (hasType(node, "array") && !node.has("maxItems")) {
                    unbounded.add(path + ": array without maxItems");
                }
                if (hasType(node, "integer") && !(node.has("minimum") && node.has("maximum"))) {
                    unbounded.add(path + ": integer without minimum and maximum");
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectUnbounded(field.getValue(), path + "/" + field.getKey(), unbounded);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnbounded(node.get(i), path + "/" + i, unbounded);
            }
        }
    }

    private static boolean hasType(JsonNode schema, String type) {
        JsonNode declared = schema.get("type");
        if (declared == null) {
            return false;
        }
        if (declared.isArray()) {
            for (JsonNode each : declared) {
                if (type.equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(declared.asText());
    }
}

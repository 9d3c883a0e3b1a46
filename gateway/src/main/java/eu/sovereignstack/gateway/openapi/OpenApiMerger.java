package eu.sovereignstack.gateway.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import eu.sovereignstack.gateway.proxy.GatewayRoute;

/**
 * Merges the services' OpenAPI documents into the one the gateway publishes: every path as the
 * gateway exposes it (paths no route leads to are left out), the components of all services
 * (a schema two services define differently is renamed after its service, with every reference
 * to it; pages are named after what they hold, {@code ProductPage} rather than {@code Page1}; schemas
 * no path uses are left out), their tags and their security schemes. Operation ids and paths must stay unique across
 * the suite, or the merge fails: generated clients depend on both.
 */
public final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String JSON_MEDIA_TYPE = "application/json";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** One service's document, named as its backend is in the gateway's routes. */
    public record Source(String backend, JsonNode document) {
    }

    private OpenApiMerger() {
    }

    public static ObjectNode merge(ObjectNode info, List<Source> sources) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode merged = json.objectNode();
        merged.put("openapi", sources.isEmpty() ? "3.1.0" : sources.get(0).document().path("openapi").asText("3.1.0"));
        merged.set("info", info);
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Map<String, String> operationIds = new HashMap<>();

        for (Source source : sources) {
            JsonNode document = source.document().deepCopy();
            renameSchemas(document, pageNames(document));
            renameSchemas(document, conflictingNames(source.backend(), document, schemas));
            document.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
            mergeUnique(securitySchemes, document.path("components").path("securitySchemes"), "security scheme");
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                Optional<String> exposed = exposedPath(source.backend(), path.getKey());
                if (exposed.isEmpty()) {
                    continue;
                }
                if (paths.has(exposed.get())) {
                    throw new IllegalStateException("Two services publish the path " + exposed.get());
                }
                path.getValue().forEach(operation -> {
                    claimOperationId(operationIds, operation, source.backend());
                    jsonFirst(operation.path("requestBody").path("content"));
                });
                paths.set(exposed.get(), path.getValue());
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode tagList = merged.putArray("tags");
            new TreeSet<>(tags.keySet()).forEach(name -> tagList.add(tags.get(name)));
        }
        pruneUnreferencedSchemas(merged);
        describeGatewayAnswers(merged);
        if (sources.stream().anyMatch(source -> source.document().has("security"))) {
            merged.set("security", sources.stream().filter(source -> source.document().has("security"))
                    .findFirst().orElseThrow().document().get("security"));
        }
        return merged;
    }

    /**
     * What the gateway itself adds to every operation: its rate-limit headers on every 2xx and 4xx
     * answer, the CORS origin header on every answer, and the answers it gives instead of the service (401 for a bad token, 429 over the
     * limit, 502/503/504 when the service cannot answer), as problem+json.
     */
    private static void describeGatewayAnswers(ObjectNode merged) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode headers = ((ObjectNode) merged.get("components")).putObject("headers");
        header(headers, "RateLimit-Limit", "Requests the caller may make in a burst", 0);
        header(headers, "RateLimit-Remaining", "Requests left in the caller's quota", 0);
        header(headers, "RateLimit-Reset", "Seconds until the caller's quota is full again", 0);
        header(headers, "Retry-After", "Seconds to wait before trying again", 1);
        headers.putObject("Access-Control-Allow-Origin")
                .put("description", "The calling page's origin, when it is one the gateway allows (quarkus.http.cors.origins)")
                .putObject("schema").put("type", "string").put("format", "uri").put("maxLength", 2048);
        Map<String, String> gatewayAnswers = new LinkedHashMap<>();
        gatewayAnswers.put("401", "No, or no valid, bearer token");
        gatewayAnswers.put("429", "Too many requests: the caller's quota is used up");
        gatewayAnswers.put("502", "The service cannot be reached");
        gatewayAnswers.put("503", "The service is failing; requests to it are paused (Retry-After)");
        gatewayAnswers.put("504", "The service did not answer in time");
        merged.get("paths").forEach(path -> path.forEach(operation -> {
            if (!(operation.get("responses") instanceof ObjectNode responses)) {
                return;
            }
            gatewayAnswers.forEach((status, description) -> {
                if (!responses.has(status)) {
                    ObjectNode response = responses.putObject(status).put("description", description);
                    response.putObject("content").putObject(PROBLEM_MEDIA_TYPE).putObject("schema").put("$ref", SCHEMA_REF + "Problem");
                }
            });
            responses.fields().forEachRemaining(response -> {
                String status = response.getKey();
                ObjectNode answer = (ObjectNode) response.getValue();
                ObjectNode answerHeaders = answer.has("headers") ? (ObjectNode) answer.get("headers") : answer.putObject("headers");
                if (status.startsWith("2") || status.startsWith("4")) {
                    for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                        answerHeaders.set(name, json.objectNode().put("$ref", "#/components/headers/" + name));
                    }
                }
                answerHeaders.set("Access-Control-Allow-Origin",
                        json.objectNode().put("$ref", "#/components/headers/Access-Control-Allow-Origin"));
                if (status.equals("429") || status.equals("503")) {
                    answerHeaders.set("Retry-After", json.objectNode().put("$ref", "#/components/headers/Retry-After"));
                }
            });
        }));
    }

    private static void header(ObjectNode headers, String name, String description, int minimum) {
        headers.putObject(name).put("description", description).putObject("schema")
                .put("type", "integer").put("format", "int64").put("minimum", minimum).put("maximum", Integer.MAX_VALUE);
    }

    /** The path under which the gateway exposes a backend's path, if any route leads there. */
    static Optional<String> exposedPath(String backend, String backendPath) {
        for (GatewayRoute route : GatewayRoute.values()) {
            if (route.backend().equals(backend)) {
                Optional<String> exposed = route.expose(backendPath);
                if (exposed.isPresent()) {
                    return exposed;
                }
            }
        }
        return Optional.empty();
    }

    /** Generic pages ({@code Page}, {@code Page1}, ...) named after their items: {@code ProductPage}. */
    private static Map<String, String> pageNames(JsonNode document) {
        Map<String, String> renames = new HashMap<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            String items = schema.getValue().path("properties").path("items").path("items").path("$ref").asText("");
            if (schema.getKey().matches("Page\\d*") && items.startsWith(SCHEMA_REF)) {
                renames.put(schema.getKey(), items.substring(SCHEMA_REF.length()) + "Page");
            }
        });
        return renames;
    }

    /** Schemas already merged under the same name with another definition: named after this backend. */
    private static Map<String, String> conflictingNames(String backend, JsonNode document, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode existing = merged.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                renames.put(schema.getKey(), capitalised(backend) + schema.getKey());
            }
        });
        return renames;
    }

    private static void renameSchemas(JsonNode document, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        Map<String, JsonNode> moved = new HashMap<>();
        renames.forEach((from, to) -> moved.put(to, schemas.remove(from)));
        moved.forEach((name, schema) -> {
            if (schemas.has(name)) {
                throw new IllegalStateException("Cannot rename a schema to " + name + ": the name is taken");
            }
            schemas.set(name, schema);
        });
        rewriteReferences(document, renames);
    }

    /** Leaves out the schemas that no path uses, directly or through other schemas. */
    private static void pruneUnreferencedSchemas(ObjectNode merged) {
        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(merged.path("paths"));
        while (!pending.isEmpty()) {
            for (String name : references(pending.pop(), new HashSet<>())) {
                if (used.add(name) && schemas.has(name)) {
                    pending.add(schemas.get(name));
                }
            }
        }
        schemas.retain(used);
    }

    private static Set<String> references(JsonNode node, Set<String> found) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
            found.add(ref.asText().substring(SCHEMA_REF.length()));
        }
        node.forEach(child -> references(child, found));
        return found;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String target = renames.get(ref.asText().substring(SCHEMA_REF.length()));
                if (target != null) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + target));
                }
            }
            object.forEach(child -> rewriteReferences(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteReferences(child, renames));
        }
    }

    /**
     * JSON, the API's own format, first among a request body's media types: generators build the
     * operation's signature from the first one (the others stay documented for callers).
     */
    private static void jsonFirst(JsonNode content) {
        if (content instanceof ObjectNode media && media.has(JSON_MEDIA_TYPE)) {
            Map<String, JsonNode> others = new LinkedHashMap<>();
            media.fields().forEachRemaining(entry -> others.put(entry.getKey(), entry.getValue()));
            JsonNode json = others.remove(JSON_MEDIA_TYPE);
            media.removeAll();
            media.set(JSON_MEDIA_TYPE, json);
            media.setAll(others);
        }
    }

    private static void mergeUnique(ObjectNode target, JsonNode additions, String what) {
        additions.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing != null && !existing.equals(entry.getValue())) {
                throw new IllegalStateException("The services define the " + what + " " + entry.getKey() + " differently");
            }
            target.set(entry.getKey(), entry.getValue());
        });
    }

    private static void claimOperationId(Map<String, String> operationIds, JsonNode operation, String backend) {
        String id = operation.path("operationId").asText(null);
        if (id == null) {
            return;
        }
        String owner = operationIds.putIfAbsent(id, backend);
        if (owner != null) {
            throw new IllegalStateException("Operation id " + id + " is used by " + owner + " and " + backend);
        }
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

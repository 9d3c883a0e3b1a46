package eu.sovereignstack.mcp.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkiverse.mcp.server.OutputSchemaGenerator;
import io.quarkus.runtime.StartupEvent;

/**
 * A tool's output schema, taken from the suite's OpenAPI document (the one the gateway serves,
 * copied into this module by its build): the schemas the marker class's {@link ApiOutput} names,
 * with every schema they refer to under {@code $defs}, so the result is one self-contained JSON
 * Schema. A name the document does not have fails the server's start, not a client.
 */
@Singleton
public class ApiSchemas implements OutputSchemaGenerator {

    static final String DOCUMENT = "META-INF/suite-openapi/openapi.json";
    private static final String COMPONENT_REF = "#/components/schemas/";
    private static final String DEFS_REF = "#/$defs/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode components;
    private final Map<Class<?>, Object> generated = new ConcurrentHashMap<>();

    public ApiSchemas() {
        this(load());
    }

    ApiSchemas(JsonNode document) {
        this.components = document.path("components").path("schemas");
    }

    /** Every tool's schema is made once, at start: a schema the document lacks stops the server there. */
    void generateAll(@Observes StartupEvent started) {
        for (Class<?> output : OutputSchemas.class.getDeclaredClasses()) {
            generate(output);
        }
    }

    @Override
    public Object generate(Class<?> from) {
        return generated.computeIfAbsent(from, this::schema);
    }

    private Object schema(Class<?> from) {
        ApiOutput output = from.getAnnotation(ApiOutput.class);
        if (output == null) {
            throw new IllegalArgumentException(from.getName() + " is not annotated with @ApiOutput");
        }
        ObjectNode root;
        if (!output.value().isEmpty()) {
            root = component(output.value()).deepCopy();
        } else {
            root = JSON.createObjectNode().put("type", "object");
            ObjectNode properties = root.putObject("properties");
            for (String property : output.properties()) {
                String[] nameAndType = property.split("=", 2);
                properties.set(nameAndType[0], reference(nameAndType[1]));
            }
            var required = root.putArray("required");
            for (String name : output.required()) {
                required.add(name);
            }
        }
        rewriteRefs(root);
        ObjectNode defs = JSON.createObjectNode();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            for (String name : refs(pending.pop())) {
                if (!defs.has(name)) {
                    ObjectNode schema = component(name).deepCopy();
                    rewriteRefs(schema);
                    defs.set(name, schema);
                    pending.push(schema);
                }
            }
        }
        if (!defs.isEmpty()) {
            root.set("$defs", sorted(defs));
        }
        return JSON.convertValue(root, Map.class);
    }

    private JsonNode reference(String type) {
        if (type.equals("string")) {
            return JSON.createObjectNode().put("type", "string");
        }
        if (type.endsWith("[]")) {
            ObjectNode array = JSON.createObjectNode().put("type", "array");
            array.set("items", reference(type.substring(0, type.length() - 2)));
            return array;
        }
        component(type);
        return JSON.createObjectNode().put("$ref", DEFS_REF + type);
    }

    private JsonNode component(String name) {
        JsonNode schema = components.get(name);
        if (schema == null || !schema.isObject()) {
            throw new IllegalStateException("The suite's OpenAPI document has no schema " + name);
        }
        return schema;
    }

    /** Points every {@code $ref} of the OpenAPI document at {@code $defs}. */
    private static void rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith(COMPONENT_REF)) {
                object.set("$ref", new TextNode(DEFS_REF + ref.asText().substring(COMPONENT_REF.length())));
            }
        }
        for (JsonNode child : node) {
            rewriteRefs(child);
        }
    }

    private static Iterable<String> refs(JsonNode node) {
        Deque<String> names = new ArrayDeque<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, Deque<String> names) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.asText().startsWith(DEFS_REF)) {
            names.add(ref.asText().substring(DEFS_REF.length()));
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                collect(child, names);
            }
        }
    }

    private static ObjectNode sorted(ObjectNode defs) {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            byName.put(entry.getKey(), entry.getValue());
        }
        ObjectNode ordered = JSON.createObjectNode();
        byName.forEach(ordered::set);
        return ordered;
    }

    private static JsonNode load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: build the gateway first (it merges the document)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

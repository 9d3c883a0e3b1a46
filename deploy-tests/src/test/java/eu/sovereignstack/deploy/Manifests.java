package eu.sovereignstack.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading rendered YAML, and the one strict mapper every typed check uses. */
final class Manifests {

    /** Reads YAML into trees (no typing; strings stay strings, numbers numbers). */
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /**
     * Binds trees to types strictly: unknown properties fail (where the type has no any-setter; the fabric8 models
     * have one, which {@link UnknownFields} walks), and no scalar is coerced to another type (a quoted "2" is not an
     * integer, a number is not a string: the API server would reject both).
     */
    static final ObjectMapper STRICT = strict();

    private Manifests() {
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /** Every document of a multi-document YAML stream that is an object (empty documents are skipped). */
    static List<ObjectNode> readAll(String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    index++;
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalArgumentException("YAML document " + index + " is not an object: " + document);
                }
                objects.add((ObjectNode) document);
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** "Kind namespace/name", the way every problem names its object. */
    static String describe(JsonNode object) {
        String kind = text(object, "kind");
        JsonNode metadata = object.path("metadata");
        String namespace = text(metadata, "namespace");
        String name = text(metadata, "name");
        return (kind == null ? "?" : kind) + " " + (namespace == null ? "" : namespace + "/") + (name == null ? "?" : name);
    }

    /** A binding error in one line: what was wrong, and where (the JSON path). */
    static String explain(Exception e) {
        if (e instanceof JsonMappingException mapping) {
            String where = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .reduce("", String::concat);
            return firstLine(mapping.getOriginalMessage()) + (where.isEmpty() ? "" : " at " + where.substring(where.startsWith(".") ? 1 : 0));
        }
        return firstLine(e.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package eu.sovereignstack.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON documents the catalog keeps of its peers' and sources' entries, and the members it reads of them. */
public final class JsonDocuments {

    private JsonDocuments() {
    }

    /** The member's text; null when it is absent or not a string. */
    public static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    /** A stored document (the catalog wrote it, so it is JSON). */
    public static JsonNode read(ObjectMapper json, String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored mirror entry is not JSON", e);
        }
    }

    /** A document to store. */
    public static String write(ObjectMapper json, JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a mirror entry could not be written", e);
        }
    }
}

package eu.sovereignstack.mcp.tools;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;

/** A tool's result: the API's JSON as structured content, after a short text rendering for people and models. */
final class Results {

    private Results() {
    }

    static ToolResponse of(String text, JsonNode structured) {
        return new ToolResponse(false, List.of(new TextContent(text)), structured, null);
    }

    /** A JSON value as one line of text: its text when it is one, "unknown" when absent. */
    static String value(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "unknown" : node.asText();
    }
}

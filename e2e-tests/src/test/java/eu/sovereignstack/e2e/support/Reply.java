package eu.sovereignstack.e2e.support;

import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP answer: status, headers and body, with the body readable as JSON. */
public record Reply(String method, String path, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + this, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** Shown in assertion messages: what was asked and what came back. */
    @Override
    public String toString() {
        String shown = body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
        return method + " " + path + " -> " + status + " " + contentType() + " " + shown;
    }
}

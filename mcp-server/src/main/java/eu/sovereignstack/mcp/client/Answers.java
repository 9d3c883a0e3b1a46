package eu.sovereignstack.mcp.client;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkiverse.mcp.server.ToolCallException;

import eu.sovereignstack.common.problem.Failures;

/**
 * Reads a service's answer for a tool: a 2xx body as JSON or text, anything else as a tool error
 * that says what the API's problem says (its title, detail and the offending fields), so an
 * assistant reads the same reason a client of the API would, and can correct its arguments. A
 * service that cannot be reached, or does not answer in time, is a tool error too, never a
 * protocol error.
 */
@ApplicationScoped
public class Answers {

    private static final Logger LOG = Logger.getLogger(Answers.class);

    private final ObjectMapper json;

    Answers(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON body of a successful answer. */
    public JsonNode json(String service, Supplier<Response> call) {
        return answer(service, call).body();
    }

    /** The body of a successful answer as text (Markdown, CSV). */
    public String text(String service, Supplier<Response> call) {
        return read(service, call).body();
    }

    /** The status of a successful answer with its JSON body (an assessment answers 201 or 202). */
    public Answer answer(String service, Supplier<Response> call) {
        Raw raw = read(service, call);
        return new Answer(raw.status(), parse(raw.body()));
    }

    /** A successful answer: its status and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    private record Raw(int status, String body) {
    }

    private Raw read(String service, Supplier<Response> call) {
        try (Response response = send(service, call)) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                throw new ToolCallException(refusal(response.getStatus(), body));
            }
            return new Raw(response.getStatus(), body);
        }
    }

    private static Response send(String service, Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException refused) {
            return refused.getResponse();
        } catch (ProcessingException e) {
            LOG.warnf("The %s service failed to answer: %s", service, e.toString());
            throw new ToolCallException(Failures.isTimeout(e)
                    ? "The " + service + " service did not answer in time; try again later."
                    : "The " + service + " service cannot be reached; try again later.");
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ToolCallException("The service's answer is not JSON.");
        }
    }

    /** What a refused call tells the assistant: the problem's own words, or the status alone. */
    String refusal(int status, String body) {
        JsonNode problem;
        try {
            problem = json.readTree(body);
        } catch (JsonProcessingException e) {
            problem = null;
        }
        if (problem == null || !problem.isObject() || !problem.has("title")) {
            return "The service refused the call (HTTP " + status + ").";
        }
        StringBuilder text = new StringBuilder(problem.path("title").asText());
        String detail = problem.path("detail").asText("");
        if (!detail.isBlank()) {
            text.append(": ").append(detail);
        }
        for (JsonNode error : problem.path("errors")) {
            text.append(text.charAt(text.length() - 1) == '.' ? " " : "; ")
                    .append(error.path("field").asText()).append(' ').append(error.path("message").asText());
        }
        return text.append(" (HTTP ").append(status).append(')').toString();
    }
}

package eu.sovereignstack.mcp.resources;

import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceResponse;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.ResourceTemplateArg;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.ToolCallException;

import eu.sovereignstack.mcp.client.Answers;
import eu.sovereignstack.mcp.client.AssessmentApi;

/**
 * An assessment's exports as resources, read with the caller's token: the Markdown report and
 * the two CSV files, exactly as the API serves them. A refused read (no such assessment in the
 * caller's organisation, a result too large to export whole) is a JSON-RPC error with the API's
 * reason.
 */
@Singleton
public class AssessmentExports {

    private final AssessmentApi assessments;
    private final Answers answers;

    AssessmentExports(@RestClient AssessmentApi assessments, Answers answers) {
        this.assessments = assessments;
        this.answers = answers;
    }

    @ResourceTemplate(name = "assessment_report", title = "Assessment report (Markdown)", uriTemplate = "assessment://{id}/report.md",
            mimeType = "text/markdown",
            description = "An assessment's report for people: the organisation's levels, every finding with its evidence, "
                    + "the waves and the licence issues. Inventories of up to 10,000 items.")
    public ResourceResponse report(@ResourceTemplateArg(name = "id") String id, RequestUri uri) {
        return read(uri, "text/markdown", () -> assessments.report(id));
    }

    @ResourceTemplate(name = "assessment_items_csv", title = "Assessment items (CSV)", uriTemplate = "assessment://{id}/items.csv",
            mimeType = "text/csv", description = "One row per item: levels, score, disposition, chosen alternative and wave.")
    public ResourceResponse itemsCsv(@ResourceTemplateArg(name = "id") String id, RequestUri uri) {
        return read(uri, "text/csv", () -> assessments.itemsCsv(id));
    }

    @ResourceTemplate(name = "assessment_work_items_csv", title = "Migration work items (CSV)",
            uriTemplate = "assessment://{id}/work-items.csv", mimeType = "text/csv",
            description = "The migration plan as work items for a tracker: one row per item to move, by wave. Inventories of "
                    + "up to 10,000 items.")
    public ResourceResponse workItemsCsv(@ResourceTemplateArg(name = "id") String id, RequestUri uri) {
        return read(uri, "text/csv", () -> assessments.workItemsCsv(id));
    }

    private ResourceResponse read(RequestUri uri, String mimeType, Supplier<Response> call) {
        try {
            return new ResourceResponse(new TextResourceContents(uri.value(), answers.text("assessment", call), mimeType));
        } catch (ToolCallException refused) {
            throw new McpException(refused.getMessage(), JsonRpcErrorCodes.RESOURCE_NOT_FOUND);
        }
    }
}

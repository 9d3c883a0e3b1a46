package eu.sovereignstack.mcp.tools;

import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;

import eu.sovereignstack.mcp.client.Answers;
import eu.sovereignstack.mcp.client.AssessmentApi;
import eu.sovereignstack.mcp.schema.ApiSchemas;
import eu.sovereignstack.mcp.schema.OutputSchemas;

/**
 * Assessments of the caller's organisation, with the caller's token: the assessment-service
 * decides, as for its API, who may assess (assessor) and whose assessments exist (another
 * organisation's are not found).
 */
@Singleton
public class AssessmentTools {

    private static final String ASSESSMENT = "assessment";
    private static final String DONE = "done";

    private final AssessmentApi assessments;
    private final Answers answers;
    private final ObjectMapper json;

    AssessmentTools(@RestClient AssessmentApi assessments, Answers answers, ObjectMapper json) {
        this.assessments = assessments;
        this.answers = answers;
        this.json = json;
    }

    /** The inventory formats assess_inventory takes. */
    public enum Format {
        /** An assessment request as the API takes it: {"organisation": {...}, "items": [...]} */
        JSON,
        /** A spreadsheet, one row per item (organisation required). */
        CSV,
        /** A CycloneDX 1.4-1.6 SBOM in JSON. */
        SBOM,
        /** A CycloneDX 1.4-1.6 SBOM in XML. */
        SBOM_XML
    }

    @Tool(name = "assess_inventory", title = "Assess an inventory",
            description = "Scores an organisation's inventory against the EU Cloud Sovereignty Framework (SOV-1..SOV-8, SEAL 0-4), "
                    + "explains every finding, ranks alternatives, plans migration waves and checks licences; the assessment is "
                    + "stored for the caller's organisation. Formats: json (an assessment request as the API takes it: "
                    + "organisation and items), csv (one row per item), sbom (CycloneDX JSON), sbom_xml (CycloneDX XML), at most "
                    + "64 MB and 100,000 items. Answers the summary; a large inventory runs as a job and answers its status "
                    + "(follow it with get_assessment). Needs the assessor role.",
            annotations = @Tool.Annotations(title = "Assess an inventory", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.AssessmentState.class, generator = ApiSchemas.class))
    public ToolResponse assessInventory(
            @ToolArg(description = "json, csv, sbom or sbom_xml") String format,
            @ToolArg(description = "The inventory itself, as text in that format") String inventory,
            @ToolArg(description = "The organisation's name: required for csv; for an SBOM its manufacturer or supplier is used "
                    + "when absent; ignored for json (the request names it)", required = false) String organisation) {
        Format parsed = format(format);
        Supplier<Response> call = switch (parsed) {
            case JSON -> () -> assessments.assessJson(inventory);
            case CSV -> () -> assessments.assessCsv(organisation, inventory);
            case SBOM -> () -> assessments.assessSbomJson(organisation, inventory);
            case SBOM_XML -> () -> assessments.assessSbomXml(organisation, inventory);
        };
        Answers.Answer created = answers.answer(ASSESSMENT, call);
        return state(created.body().path("id").asText());
    }

    @Tool(name = "get_assessment", title = "An assessment's state and summary",
            description = "An assessment of the caller's organisation by its id: its state (queued, running with progress, done, "
                    + "failed with the problem, cancelled) and, once done, its summary: the organisation's score, SEAL, "
                    + "confidence and level per objective, the policy gate, and the counts of items, waves and licence issues.",
            annotations = @Tool.Annotations(title = "Get an assessment", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.AssessmentState.class, generator = ApiSchemas.class))
    public ToolResponse getAssessment(@ToolArg(description = "The assessment's id (a UUID)") String id) {
        return state(id);
    }

    @Tool(name = "explain_item", title = "Why an item has its levels",
            description = "One item of an assessment, by the item's id in the inventory (or its SBOM bom-ref): its SEAL level per "
                    + "objective, every finding with the objective it caps and the facts behind it (each with its source and "
                    + "date, or marked unknown), what was unknown, and the plan: disposition, effort and the ranked alternatives "
                    + "with the levels and score each would bring.",
            annotations = @Tool.Annotations(title = "Explain an item", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.Item.class, generator = ApiSchemas.class))
    public ToolResponse explainItem(@ToolArg(description = "The assessment's id (a UUID)") String assessment,
            @ToolArg(description = "The item's id, as in the inventory or the SBOM's bom-ref") String item) {
        JsonNode result = answers.json(ASSESSMENT, () -> assessments.item(assessment, item));
        return Results.of(Texts.item(result), result);
    }

    @Tool(name = "get_migration_plan", title = "Waves, licence issues and the policy gate",
            description = "The migration plan of an assessment: the waves in dependency order (what each moves, to what, with its "
                    + "effort and the cumulative effort), the licence issues of the target stack, and the policy gate (the "
                    + "minimum levels asked and who misses them).",
            annotations = @Tool.Annotations(title = "Get the migration plan", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.Plan.class, generator = ApiSchemas.class))
    public ToolResponse getMigrationPlan(@ToolArg(description = "The assessment's id (a UUID)") String assessment) {
        JsonNode plan = answers.json(ASSESSMENT, () -> assessments.plan(assessment));
        return Results.of(Texts.plan(plan), plan);
    }

    @Tool(name = "compare_assessments", title = "Compare two assessments",
            description = "What changed from one assessment to another of the same organisation (e.g. a rerun after a migration "
                    + "wave): score and SEAL deltas, level per objective, and the findings resolved and new.",
            annotations = @Tool.Annotations(title = "Compare assessments", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.Comparison.class, generator = ApiSchemas.class))
    public ToolResponse compareAssessments(@ToolArg(description = "The earlier assessment's id") String from,
            @ToolArg(description = "The later assessment's id") String to) {
        JsonNode comparison = answers.json(ASSESSMENT, () -> assessments.compare(from, to));
        return Results.of(Texts.comparison(comparison), comparison);
    }

    /** An assessment's status, with its summary once it is done. */
    private ToolResponse state(String id) {
        JsonNode status = answers.json(ASSESSMENT, () -> assessments.status(id));
        ObjectNode result = json.createObjectNode();
        result.set("status", status);
        if (DONE.equals(status.path("state").asText())) {
            JsonNode summary = answers.json(ASSESSMENT, () -> assessments.summary(id));
            result.set("summary", summary);
            return Results.of(Texts.summary(summary), result);
        }
        return Results.of(Texts.status(status), result);
    }

    private static Format format(String format) {
        if (format != null) {
            for (Format candidate : Format.values()) {
                if (candidate.name().equalsIgnoreCase(format.trim())) {
                    return candidate;
                }
            }
        }
        throw new ToolCallException("Invalid request: format must be one of json, csv, sbom, sbom_xml");
    }
}

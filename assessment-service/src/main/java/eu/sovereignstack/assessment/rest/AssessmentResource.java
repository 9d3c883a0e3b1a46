package eu.sovereignstack.assessment.rest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import eu.sovereignstack.assessment.domain.AssessmentSummaryRow;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.engine.Reports;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.Comparison;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;
import eu.sovereignstack.assessment.inventory.CsvInventoryParser;
import eu.sovereignstack.assessment.inventory.CycloneDxInventoryParser;
import eu.sovereignstack.assessment.inventory.InventoryFormatException;
import eu.sovereignstack.assessment.service.AssessmentJobs;
import eu.sovereignstack.assessment.service.AssessmentService;
import eu.sovereignstack.assessment.service.Caller;
import eu.sovereignstack.assessment.service.IdempotencyKey;
import eu.sovereignstack.assessment.service.JobStatus;
import eu.sovereignstack.assessment.service.NewAssessment;
import eu.sovereignstack.assessment.service.StoredAssessment;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.common.api.PageView;
import eu.sovereignstack.common.api.QueryParameters;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

@Path("/api/v1/assessments")
@Tag(name = ApiTags.ASSESSMENTS, description = "Sovereignty assessments of an organisation's inventory, with their plans")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    static final String CSV = "text/csv";
    static final String CYCLONEDX_JSON = "application/vnd.cyclonedx+json";
    static final String CYCLONEDX_XML = "application/vnd.cyclonedx+xml";
    static final String MARKDOWN = "text/markdown";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String NOT_HELD_WHOLE = "The assessment has more items than the service holds whole "
            + "(assessment.results.whole-items, 10,000): read its summary, its items and its items.csv instead";
    private static final String ASSESSMENT_ID = "Assessment id; anything but the id of one of your organisation's "
            + "assessments is a 404";
    private static final String ITEM_ID = "The id of an item of the assessment's inventory (an SBOM component's bom-ref), "
            + "percent-encoded; an id of no item of the assessment is a 404";
    static final String PREFER_DESCRIPTION = "respond-async (RFC 7240) runs the assessment as a job: 202 at once, with its "
            + "status; inventories of more than assessment.jobs.async-above items (2,000) always run as jobs";
    static final int PREFER_LENGTH = 200;
    private static final String ACCEPTED = "Queued as a job (asked with Prefer: respond-async, or a large inventory): the "
            + "status; Location names the assessment, which answers 202 until it is done";

    private final AssessmentService service;
    private final CallerContext caller;
    private final CsvInventoryParser csv;
    private final CycloneDxInventoryParser sbom;
    private final ObjectMapper json;
    private final AssessmentJobs jobs;
    private final SecurityIdentity identity;

    AssessmentResource(AssessmentService service, CallerContext caller, CsvInventoryParser csv, CycloneDxInventoryParser sbom,
            ObjectMapper json, AssessmentJobs jobs, SecurityIdentity identity) {
        this.service = service;
        this.jobs = jobs;
        this.identity = identity;
        this.json = json;
        this.caller = caller;
        this.csv = csv;
        this.sbom = sbom;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "createAssessment", summary = "Assess an inventory (JSON)",
            description = "Scores every item, explains every finding, ranks alternatives, plans waves and checks the target stack's "
                    + "licences. The assessment belongs to the caller's organisation. A spreadsheet goes to createAssessmentFromCsv, "
                    + "a CycloneDX SBOM to createAssessmentFromSbom (JSON) or createAssessmentFromSbomXml.")
    @APIResponse(responseCode = "201", description = "Assessed and stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentStatus.class)))
    @APIResponse(responseCode = "400", description = "Invalid inventory (fields named)")
    @APIResponse(responseCode = "422", description = "dependsOn has a cycle (the items of the cycle are named), or the "
            + "Idempotency-Key was used for another request")
    @APIResponse(responseCode = "502", description = "The catalog refused the call; nothing stored")
    @APIResponse(responseCode = "503", description = "The catalog, or the service's database, is unreachable; nothing stored")
    @APIResponse(responseCode = "504", description = "The catalog did not answer in time; nothing stored")
    public Response create(
            @Parameter(description = FileAssessmentParams.IDEMPOTENCY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    pattern = IdempotencyKey.PATTERN, maxLength = Limits.IDEMPOTENCY_KEY)) @HeaderParam(IdempotencyKey.HEADER)
            @Pattern(regexp = IdempotencyKey.PATTERN, message = FileAssessmentParams.IDEMPOTENCY_MESSAGE) String idempotencyKey,
            @Parameter(description = PREFER_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = PREFER_LENGTH))
            @HeaderParam("Prefer") @Size(max = PREFER_LENGTH) String prefer,
            @NotNull(message = "an assessment request is required") @Valid AssessmentRequest body) throws JsonProcessingException {
        Inventory inventory = new Inventory(body.organisation(), body.items());
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey, bytes("json"), json.writeValueAsBytes(body));
        return assess(new NewAssessment(body.name(), inventory, body.profile(), body.threshold(), body.policy(), "json", null, null,
                key), prefer);
    }

    @POST
    @Path("csv")
    @Consumes(CSV)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = CsvColumnsDocument.OPERATION, summary = "Assess an inventory spreadsheet (CSV)",
            description = "The same assessment as createAssessment, from a CSV file: one row per item, the columns are "
                    + "described with the request body. The organisation and the assessment's settings are query parameters.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
            maxLength = Limits.FILE)))
    @APIResponse(responseCode = "201", description = "Assessed and stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentStatus.class)))
    @APIResponse(responseCode = "400", description = "The file is malformed (line and column named), the organisation is "
            + "missing or a parameter is invalid")
    @APIResponse(responseCode = "422", description = "dependsOn has a cycle, or the Idempotency-Key was used for another request")
    @APIResponse(responseCode = "502", description = "The catalog refused the call; nothing stored")
    @APIResponse(responseCode = "503", description = "The catalog, or the service's database, is unreachable; nothing stored")
    @APIResponse(responseCode = "504", description = "The catalog did not answer in time; nothing stored")
    public Response createFromCsv(@Valid @BeanParam FileAssessmentParams params,
            @NotNull(message = "a file is required") byte[] body) throws InventoryFormatException {
        return createFromFile(CSV, params, body);
    }

    @POST
    @Path("sbom")
    @Consumes(CYCLONEDX_JSON)
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "createAssessmentFromSbom", summary = "Assess a CycloneDX SBOM (JSON)",
            description = "The same assessment as createAssessment, from a CycloneDX 1.4-1.6 JSON SBOM: every component, "
                    + "nested ones included, is an item (its bom-ref the id), its licences and purl come from the SBOM, "
                    + "dependsOn from the dependency graph. A malformed SBOM is a 400 naming the path, e.g. components[2].purl.")
    @RequestBody(required = true, content = @Content(mediaType = CYCLONEDX_JSON, schema = @Schema(type = SchemaType.STRING,
            maxLength = Limits.FILE)))
    @APIResponse(responseCode = "201", description = "Assessed and stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentStatus.class)))
    @APIResponse(responseCode = "400", description = "The SBOM is malformed (path named) or a parameter is invalid")
    @APIResponse(responseCode = "422", description = "dependsOn has a cycle, or the Idempotency-Key was used for another request")
    @APIResponse(responseCode = "502", description = "The catalog refused the call; nothing stored")
    @APIResponse(responseCode = "503", description = "The catalog, or the service's database, is unreachable; nothing stored")
    @APIResponse(responseCode = "504", description = "The catalog did not answer in time; nothing stored")
    public Response createFromSbom(@Valid @BeanParam FileAssessmentParams params,
            @NotNull(message = "a file is required") byte[] body) throws InventoryFormatException {
        return createFromFile(CYCLONEDX_JSON, params, body);
    }

    @POST
    @Path("sbom/xml")
    @Consumes({CYCLONEDX_XML, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "createAssessmentFromSbomXml", summary = "Assess a CycloneDX SBOM (XML)",
            description = "As createAssessmentFromSbom, for a CycloneDX 1.4-1.6 XML SBOM. XML with a DOCTYPE is refused: no "
                    + "external entities, ever.")
    @RequestBody(required = true, content = {
            @Content(mediaType = CYCLONEDX_XML, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.FILE)),
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.FILE)),
            @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.FILE))})
    @APIResponse(responseCode = "201", description = "Assessed and stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentStatus.class)))
    @APIResponse(responseCode = "400", description = "The SBOM is malformed (path named) or a parameter is invalid")
    @APIResponse(responseCode = "422", description = "dependsOn has a cycle, or the Idempotency-Key was used for another request")
    @APIResponse(responseCode = "502", description = "The catalog refused the call; nothing stored")
    @APIResponse(responseCode = "503", description = "The catalog, or the service's database, is unreachable; nothing stored")
    @APIResponse(responseCode = "504", description = "The catalog did not answer in time; nothing stored")
    public Response createFromSbomXml(@Valid @BeanParam FileAssessmentParams params,
            @NotNull(message = "a file is required") byte[] body) throws InventoryFormatException {
        return createFromFile(CYCLONEDX_XML, params, body);
    }

    private Response createFromFile(String type, FileAssessmentParams params, byte[] body) throws InventoryFormatException {
        Double threshold = QueryParameters.numberValue("threshold", params.threshold, 0, 100);
        Organisation org = params.organisation == null || params.organisation.isBlank() ? null
                : new Organisation(params.organisation.trim(), params.sector, params.country);
        Inventory inventory;
        String format;
        if (type.equals(CSV)) {
            if (org == null) {
                throw ProblemException.invalid("organisation", "is required for a CSV inventory");
            }
            inventory = csv.parse(new String(body, StandardCharsets.UTF_8), org);
            format = "csv";
        } else if (type.equals(CYCLONEDX_JSON)) {
            inventory = sbom.parseJson(body, org);
            format = "cyclonedx-json";
        } else {
            inventory = sbom.parseXml(body, org);
            format = "cyclonedx-xml";
        }
        if (org == null && (params.sector != null || params.country != null)) {
            // The SBOM names the organisation; the query still says its sector and country.
            inventory = new Inventory(new Organisation(inventory.organisation().name(), params.sector, params.country), inventory.items());
        }
        IdempotencyKey key = IdempotencyKey.of(params.idempotencyKey, bytes(type), bytes(params.organisation), bytes(params.sector),
                bytes(params.country), bytes(params.name), bytes(params.profile),
                bytes(threshold == null ? null : threshold.toString()), bytes(params.minimumSeal), body);
        return assess(new NewAssessment(params.name, inventory, params.profile, threshold, new Policy(minimumSeal(params.minimumSeal)),
                format, new String(body, StandardCharsets.UTF_8), null, key), params.prefer);
    }

    /** Assesses in the request (201), or queues a job (202) when asked to or when the inventory is large. */
    private Response assess(NewAssessment request, String prefer) {
        Caller who = caller.caller();
        boolean preferAsync = respondAsync(prefer);
        if (!jobs.runsAsJob(who, request, preferAsync)) {
            return created(service.create(who, request));
        }
        AssessmentJobs.Submitted submitted = jobs.submit(who, request);
        Response.ResponseBuilder response = Response.accepted(AssessmentStatus.of(submitted.status(), json))
                .location(URI.create("/api/v1/assessments/" + submitted.status().id()))
                .header("Retry-After", "2");
        if (preferAsync) {
            response.header("Preference-Applied", "respond-async");
        }
        if (submitted.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    /** Whether a Prefer header (RFC 7240: comma-separated preferences, each with optional parameters) asks respond-async. */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String name = preference.split(";", 2)[0].trim();
            if (name.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    @GET
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "listAssessments", summary = "The organisation's assessments, newest first")
    @APIResponse(responseCode = "200", description = "One page of summaries")
    @APIResponse(responseCode = "400", description = "page or size is out of range")
    public PageView<AssessmentSummary> list(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                    maximum = "" + PageView.MAX_PAGE, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "At most " + PageView.MAX_SIZE, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageView.MAX_SIZE, defaultValue = "20"))
            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 20);
        AssessmentService.Listing listing = service.list(caller.caller(), paging.index(), paging.length());
        return PageView.of(listing.items().stream().map(AssessmentSummary::of).toList(), paging.index(), paging.length(),
                listing.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "getAssessment", summary = "An assessment with its whole result",
            description = "For an assessment submitted as a job: 202 with its status until it is done; a job that failed or was "
                    + "cancelled is a 409 (getAssessmentStatus has the problem it failed with).")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "202", description = "Still queued or running: its status; ask again after Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentStatus.class)))
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    @APIResponse(responseCode = "409", description = "Submitted as a job that failed or was cancelled: there is no result")
    public Response get(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        Caller who = caller.caller();
        UUID assessmentId = uuid(id);
        // The job first: it is marked done in the transaction that stores the assessment, so once
        // it says done (or there is no job) the assessment is there, unless it was deleted since.
        Optional<JobStatus> job = jobs.status(who, assessmentId);
        if (job.isPresent()) {
            switch (job.get().state()) {
                case QUEUED, RUNNING -> {
                    return Response.accepted(AssessmentStatus.of(job.get(), json)).header("Retry-After", "2").build();
                }
                case FAILED, CANCELLED -> throw ProblemException.conflict("The assessment " + id + " has "
                        + JobStatus.ended(job.get().state()) + "; it has no result (its status says why).");
                case DONE -> {
                    // stored: read below
                }
            }
        }
        AssessmentService.Head head = found(service.head(who, assessmentId), id);
        return Response.ok(whole(head), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "getAssessmentStatus", summary = "Where an assessment stands",
            description = "Queued, running (with its phase and progress), done (with a link to it), failed (with the problem the API "
                    + "would have answered) or cancelled. An assessment made in its request is done.")
    @APIResponse(responseCode = "200", description = "Its status")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public AssessmentStatus status(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        Caller who = caller.caller();
        UUID assessmentId = uuid(id);
        Optional<JobStatus> job = jobs.status(who, assessmentId);
        if (job.isPresent()) {
            return AssessmentStatus.of(job.get(), json);
        }
        // Made in its request: done. Polled often, so its result (tens of MB for a large one) is not read.
        AssessmentSummaryRow stored = found(service.summary(who, assessmentId), id);
        return AssessmentStatus.of(JobStatus.done(stored.id(), stored.itemCount(), stored.createdAt()), json);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "cancelAssessment", summary = "Cancel an assessment still queued or running",
            description = "For the user who submitted it, or an org-admin. A running job stops at its next step and stores nothing.")
    @APIResponse(responseCode = "200", description = "Cancelled: its status")
    @APIResponse(responseCode = "403", description = "Neither its submitter nor an org-admin")
    @APIResponse(responseCode = "404", description = "No such assessment job in your organisation")
    @APIResponse(responseCode = "409", description = "It has already finished")
    public AssessmentStatus cancel(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        return AssessmentStatus.of(jobs.cancel(caller.caller(), uuid(id), identity.hasRole(Roles.ORG_ADMIN))
                .orElseThrow(() -> notFound(id)), json);
    }

    @GET
    @Path("{id}/summary")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "getAssessmentSummary", summary = "An assessment without its items",
            description = "The organisation's score, SEAL, levels and projection, the policy gate and the counts of items, waves and "
                    + "licence issues: what a dashboard shows, without the result's per-item body (which a large inventory makes "
                    + "large). The items come page by page from listAssessmentItems, or one by one from getAssessmentItem.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public AssessmentOverview summary(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        AssessmentService.Head head = found(service.head(caller.caller(), uuid(id)), id);
        return AssessmentOverview.of(head.assessment(), head.itemCount());
    }

    @GET
    @Path("{id}/plan")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "getAssessmentPlan", summary = "An assessment's migration plan",
            description = "The waves in dependency order (what each moves, to what, with its effort and the cumulative effort), the "
                    + "licence issues of the target stack and the policy gate: the plan without the result's per-item body, "
                    + "whatever the inventory's size.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public AssessmentPlan plan(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        return AssessmentPlan.of(found(service.head(caller.caller(), uuid(id)), id).assessment());
    }

    @GET
    @Path("{id}/items")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "listAssessmentItems", summary = "An assessment's item results, one page at a time",
            description = "In the order of the result (the inventory's order, libraries after what depends on them).")
    @APIResponse(responseCode = "200", description = "One page of item results")
    @APIResponse(responseCode = "400", description = "page or size is out of range")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public PageView<ItemResult> items(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                    maximum = "" + PageView.MAX_PAGE, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "At most " + PageView.MAX_SIZE, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + PageView.MAX_SIZE, defaultValue = "50"))
            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 50);
        AssessmentService.Head head = found(service.head(caller.caller(), uuid(id)), id);
        long from = (long) paging.index() * paging.length();
        List<ItemResult> items = from >= head.itemCount() ? List.of()
                : service.items(head.assessment().id(), (int) from, paging.length());
        return PageView.of(items, paging.index(), paging.length(), head.itemCount());
    }

    @GET
    @Path("{id}/items/{item}")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "getAssessmentItem", summary = "One item result of an assessment, by the item's id",
            description = "The item result whose id is {item}, the same as in its page of listAssessmentItems, read alone "
                    + "however many items the assessment holds. {item} is the inventory item's id or the SBOM component's "
                    + "bom-ref as one percent-encoded path segment (RFC 3986): / as %2F and % as %25, and ; ? # and spaces "
                    + "encoded too (a bare ; starts matrix parameters); the bom-ref pkg:npm/%40scope/name@1.0 is "
                    + "pkg:npm%2F%2540scope%2Fname@1.0. An id that is exactly . or .. cannot be read here (a path's dot "
                    + "segments are removed): its item is in listAssessmentItems.")
    @APIResponse(responseCode = "200", description = "The item result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemResult.class)))
    @APIResponse(responseCode = "400", description = "item is longer than an inventory item's id may be, or holds a control "
            + "character")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation, or it holds no item with this id "
            + "(the problem names it)")
    public ItemResult item(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id,
            @Parameter(description = ITEM_ID, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.ID,
                    pattern = Limits.SINGLE_LINE))
            @PathParam("item") @Size(max = Limits.ID)
            @Pattern(regexp = Limits.SINGLE_LINE, message = "must be a single line without control characters") String item) {
        AssessmentService.Head head = found(service.head(caller.caller(), uuid(id)), id);
        return service.item(head.assessment().id(), item).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No item '" + item + "' in the assessment '" + id + "'."));
    }

    @GET
    @Path("{id}/catalog-facts")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "getAssessmentCatalogFacts", summary = "The catalog facts the assessment was computed from, as they were then")
    @APIResponse(responseCode = "200", description = "Matches and products")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public ResolveResult catalogFacts(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        return found(service.catalogFacts(caller.caller(), uuid(id)), id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ORG_ADMIN)
    @Operation(operationId = "deleteAssessment", summary = "Delete an assessment (org-admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public Response delete(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        if (!service.delete(caller.caller(), uuid(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rerun")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "rerunAssessment", summary = "Assess the same inventory again against today's catalog, as a new assessment")
    @APIResponse(responseCode = "201", description = "The new assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    @APIResponse(responseCode = "503", description = "The catalog, or the service's database, is unreachable; nothing stored")
    @APIResponse(responseCode = "422", description = NOT_HELD_WHOLE)
    public Response rerun(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        return created(found(service.rerun(caller.caller(), uuid(id)), id));
    }

    @GET
    @Path("{id}/compare/{other}")
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "compareAssessments", summary = "How the organisation moved from one assessment ({id}) to another ({other})")
    @APIResponse(responseCode = "200", description = "Deltas per objective, findings resolved and new",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Comparison.class)))
    @APIResponse(responseCode = "404", description = "One of the assessments is not in your organisation; the problem names it")
    @APIResponse(responseCode = "422", description = NOT_HELD_WHOLE)
    public Comparison compare(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id,
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("other") String other) {
        return service.compare(caller.caller(), uuid(id), uuid(other));
    }

    @GET
    @Path("{id}/items.csv")
    @Produces(CSV)
    @RolesAllowed(Roles.ASSESSOR)
    @Tag(name = ApiTags.EXPORTS)
    @Operation(operationId = "exportAssessmentItems", summary = "The result as CSV, one row per item")
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.EXPORT)))
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    public Response itemsCsv(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        AssessmentService.Head head = found(service.head(caller.caller(), uuid(id)), id);
        StreamingOutput csvRows = output -> Reports.itemsCsv(
                sink -> service.forEachItemResult(head.assessment().id(), head.itemCount(), sink),
                new OutputStreamWriter(output, StandardCharsets.UTF_8));
        return file(csvRows, CSV, id + "-items.csv");
    }

    @GET
    @Path("{id}/work-items.csv")
    @Produces(CSV)
    @RolesAllowed(Roles.ASSESSOR)
    @Tag(name = ApiTags.EXPORTS)
    @Operation(operationId = "exportAssessmentWorkItems", summary = "The waves' work items as CSV an issue tracker imports (Summary, Description, Labels, Priority, ...)")
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.EXPORT)))
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    @APIResponse(responseCode = "422", description = NOT_HELD_WHOLE)
    public Response workItemsCsv(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        return file(Reports.workItemsCsv(view(id, "exported as work items").result()), CSV, id + "-work-items.csv");
    }

    @GET
    @Path("{id}/report.md")
    @Produces(MARKDOWN)
    @RolesAllowed(Roles.ASSESSOR)
    @Tag(name = ApiTags.EXPORTS)
    @Operation(operationId = "getAssessmentReport", summary = "A Markdown report for management: summary, objectives, top findings, waves")
    @APIResponse(responseCode = "200", description = "Markdown",
            content = @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.EXPORT)))
    @APIResponse(responseCode = "404", description = "No such assessment in your organisation")
    @APIResponse(responseCode = "422", description = NOT_HELD_WHOLE)
    public Response report(
            @Parameter(description = ASSESSMENT_ID, schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Limits.UUID))
            @PathParam("id") String id) {
        AssessmentView assessment = view(id, "reported in Markdown");
        return file(Reports.markdown(assessment.id(), assessment.createdAt(), assessment.result()), MARKDOWN + "; charset=UTF-8",
                id + "-report.md");
    }

    /**
     * A page asked for by the {@code page} and {@code size} query parameters, read here rather
     * than as ints: JAX-RS answers an int that does not parse with a bare 404.
     */
    private record Paging(int index, int length) {

        static Paging of(String page, String size, int defaultSize) {
            Double pageNumber = QueryParameters.numberValue("page", page, 0, PageView.MAX_PAGE);
            Double pageSize = QueryParameters.numberValue("size", size, 1, PageView.MAX_SIZE);
            return new Paging(pageNumber == null ? 0 : QueryParameters.wholeNumber("page", pageNumber),
                    pageSize == null ? defaultSize : QueryParameters.wholeNumber("size", pageSize));
        }
    }

    /**
     * A stored assessment of the caller's organisation with its whole result, for a {@code use} that
     * needs it in memory; 404 for anything else (a job not done included).
     */
    private AssessmentView view(String id, String use) {
        return AssessmentView.of(found(service.find(caller.caller(), uuid(id), use), id));
    }

    /**
     * The assessment as {@link AssessmentView} writes it, its items streamed from their rows as
     * they were stored: any number of them, a few hundred in memory at a time.
     */
    private StreamingOutput whole(AssessmentService.Head head) {
        ObjectNode view = json.valueToTree(AssessmentView.of(head.assessment()));
        return output -> {
            try (JsonGenerator out = json.getFactory().createGenerator(output)) {
                out.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = view.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    out.writeFieldName(field.getKey());
                    if (field.getKey().equals("result")) {
                        writeResult((ObjectNode) field.getValue(), head, out);
                    } else {
                        out.writeTree(field.getValue());
                    }
                }
                out.writeEndObject();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }

    private void writeResult(ObjectNode result, AssessmentService.Head head, JsonGenerator out) throws IOException {
        out.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.writeFieldName(field.getKey());
            if (field.getKey().equals("items")) {
                out.writeStartArray();
                service.forEachItem(head.assessment().id(), head.itemCount(), item -> {
                    try {
                        out.writeRawValue(item);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.writeEndArray();
            } else {
                out.writeTree(field.getValue());
            }
        }
        out.writeEndObject();
    }


    private static Response created(StoredAssessment assessment) {
        return created(new AssessmentService.Created(assessment, false));
    }

    private static Response created(AssessmentService.Created created) {
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/assessments/" + created.assessment().id()))
                .entity(AssessmentView.of(created.assessment()));
        return created.replayed() ? response.header(REPLAYED_HEADER, "true").build() : response.build();
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static Response file(Object content, String type, String filename) {
        return Response.ok(content, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static Map<SovereigntyObjective, Integer> minimumSeal(String spec) {
        Map<SovereigntyObjective, Integer> minimum = new EnumMap<>(SovereigntyObjective.class);
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                String[] pair = part.split(":");
                minimum.put(SovereigntyObjective.byId(pair[0]).orElseThrow(), Integer.parseInt(pair[1]));
            }
        }
        return minimum;
    }

    /** A malformed id names no assessment: 404, like an id of another organisation. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static <T> T found(Optional<T> value, String id) {
        return value.orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("assessment", id.length() > 80 ? id.substring(0, 80) + "..." : id);
    }
}

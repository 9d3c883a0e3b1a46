package eu.sovereignstack.catalog.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.service.Ownership;
import eu.sovereignstack.catalog.service.PublicSources;
import eu.sovereignstack.common.api.QueryParameters;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * Public reference sources, imported as read-only origins by the node's operators. Every import is
 * a dry run unless {@code dryRun=false}: the answer shows what would change first.
 */
@Path("/api/v1/sources")
@Tag(name = ApiTags.TRANSFER)
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    static final int ENTRIES_MAX = SovereignSkyProviders.MAX;
    private static final String VERSION_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";
    private static final String YAML = "application/yaml";

    private final PublicSources sources;
    private final Ownership ownership;
    private final ObjectMapper json;

    SourceResource(PublicSources sources, Ownership ownership, ObjectMapper json) {
        this.sources = sources;
        this.ownership = ownership;
        this.json = json;
    }

    @POST
    @Path("sovereignsky/providers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importSovereignSkyProviders", summary = "Import SovereignSky's providers and data centres",
            description = "The body is SovereignSky's datacenters.json (the array; at most " + SovereignSkyProviders.MAX
                    + " providers). Each provider becomes a read-only provider of origin 'sovereignsky', its regions' "
                    + "countries its data locations, every fact citing the dataset at `version`. The dataset is complete: a "
                    + "provider imported before and absent now is deleted. A slug this node holds as its own stays, the "
                    + "source's version kept beside it. A dry run (the default) writes nothing. Only platform-admins of the "
                    + "node's own member.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = Object.class, maxItems = SovereignSkyProviders.MAX)))
    @APIResponse(responseCode = "200", description = "What the import did, or would do",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceImportView.class)))
    @APIResponse(responseCode = "400", description = "The body is not the dataset's array, or version or dryRun is malformed")
    @APIResponse(responseCode = "403", description = "Not a platform-admin of this node's member")
    public SourceImportView sovereignSky(
            @Parameter(description = "The dataset's version (a commit or a date), cited in every fact's evidence",
                    required = true, example = "e5fe17a6e517cca31a0bd1e1a27b325e27ac7469")
            @QueryParam("version") @NotNull(message = "the dataset's version is required") @Size(max = 64)
            @Pattern(regexp = VERSION_PATTERN)
            String version,
            @Parameter(description = "false to write; a dry run by default", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("dryRun") String dryRun,
            @NotNull(message = "the datacenters.json array is required") JsonNode body) {
        ownership.checkOperator("import public sources");
        boolean dry = dryRun(dryRun);
        return SourceImportView.of(sources.importEntries(SovereignSkyProviders.SOURCE, version,
                SovereignSkyProviders.entries(body, version, json), true, dry));
    }

    @POST
    @Path("publiccode")
    @Consumes({YAML, "text/yaml", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importPubliccode", summary = "Import the software a publiccode.yml file describes",
            description = "The body is the file (at most " + PubliccodeProduct.MAX_CHARS + " characters). The software becomes a "
                    + "read-only product of origin 'publiccode': name, repository, landing page, licence, copyright owner as "
                    + "steward, maintenance type as governance (community: COMMUNITY; internal, contract: SINGLE_VENDOR), "
                    + "latest release; the slug is made from the name. What the file cannot say is given: the catalog "
                    + "category and the steward's country. Every fact cites `source`. A dry run (the default) writes nothing. "
                    + "Only platform-admins of the node's own member.")
    @RequestBody(content = @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING, maxLength = PubliccodeProduct.MAX_CHARS)))
    @APIResponse(responseCode = "200", description = "What the import did, or would do",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceImportView.class)))
    @APIResponse(responseCode = "400", description = "The body is not a publiccode.yml, or a parameter is missing or malformed")
    @APIResponse(responseCode = "403", description = "Not a platform-admin of this node's member")
    public SourceImportView publiccode(
            @Parameter(description = "Where the file is published (its raw URL), cited in every fact's evidence", required = true,
                    example = "https://github.com/example/project/raw/main/publiccode.yml")
            @QueryParam("source") @NotNull(message = "the file's address is required") @Size(max = CatalogLimits.URL)
            @Pattern(regexp = CatalogLimits.URL_PATTERN, message = "must be an http(s) URL") String source,
            @Parameter(description = "The catalog category of the software", required = true, example = "file-sync-share")
            @QueryParam("category") @NotNull(message = "the category is required") @Size(max = CatalogLimits.CATEGORY)
            @Pattern(regexp = CatalogLimits.SLUG_PATTERN) String category,
            @Parameter(description = "The steward's (copyright owner's) country, ISO 3166-1 alpha-2", required = true, example = "IT")
            @QueryParam("stewardCountry") @NotNull(message = "the steward's country is required") @Size(max = CatalogLimits.COUNTRY)
            @Pattern(regexp = CatalogLimits.COUNTRY_PATTERN, message = "must be an ISO 3166-1 alpha-2 code") String stewardCountry,
            @Parameter(description = "false to write; a dry run by default", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("dryRun") String dryRun,
            @Size(max = PubliccodeProduct.MAX_CHARS, message = "must be at most " + PubliccodeProduct.MAX_CHARS + " characters")
            String body) {
        ownership.checkOperator("import public sources");
        boolean dry = dryRun(dryRun);
        return SourceImportView.of(sources.importEntries(PubliccodeProduct.SOURCE, source, java.util.List.of(
                PubliccodeProduct.entry(body, source, category, stewardCountry, LocalDate.now(ZoneOffset.UTC), json)), false, dry));
    }

    private static boolean dryRun(String value) {
        Boolean parsed = QueryParameters.booleanValue("dryRun", value);
        if (parsed == null && value != null && !value.isBlank()) {
            throw ProblemException.invalid("dryRun", "must be true or false");
        }
        return parsed == null || parsed;
    }
}

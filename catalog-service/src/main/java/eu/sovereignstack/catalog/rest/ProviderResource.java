package eu.sovereignstack.catalog.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.OfferingFacts;
import eu.sovereignstack.catalog.domain.ProviderFacts;
import eu.sovereignstack.catalog.service.CatalogService;
import eu.sovereignstack.catalog.service.ChangeService;
import eu.sovereignstack.catalog.service.OfferingWrite;
import eu.sovereignstack.catalog.service.ProviderCount;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.catalog.service.ProviderService;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * Providers and their offerings, read by viewers and written by editors as products are: ETags
 * carry versions, a replacement names the version it is based on, a merge patch may. An offering
 * is written where it lives, under its provider and named by its product.
 */
@Path("/api/v1/providers")
@Tag(name = ApiTags.PROVIDERS, description = "Cloud providers and the products they run as managed services")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private static final String MERGE_PATCH = ProductResource.MERGE_PATCH;

    private final CatalogService catalog;
    private final ProviderService service;
    private final ObjectMapper json;
    private final Validator validator;
    private final ChangeService changes;
    private final Origins origins;

    ProviderResource(CatalogService catalog, ProviderService service, ObjectMapper json, Validator validator, ChangeService changes,
            Origins origins) {
        this.catalog = catalog;
        this.origins = origins;
        this.changes = changes;
        this.service = service;
        this.json = json;
        this.validator = validator;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listProviders", summary = "All providers, by name")
    @APIResponse(responseCode = "200", description = "The providers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderView.class, maxItems = CatalogLimits.UNPAGED)))
    public List<ProviderView> providers() {
        Origins.Snapshot now = origins.now();
        return catalog.providers().stream().map(p -> CatalogMapper.provider(p, now.of(p.provider()))).toList();
    }

    @GET
    @Path("{slug}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getProvider", summary = "Get a provider", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The provider",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "400", description = "The slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such provider")
    public Response provider(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return catalog.provider(slug).map(this::withEtag).orElseThrow(() -> notFound(slug));
    }

    @GET
    @Path("{slug}/history")
    @RolesAllowed(Roles.AUDITOR)
    @Tag(name = ApiTags.CHANGES)
    @Operation(operationId = "providerHistory", summary = "The recorded changes of a provider, newest first",
            description = "A deleted provider keeps its history, its deletion first. Continue with before = the page's 'next'.")
    @APIResponse(responseCode = "200", description = "One page of the provider's changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePageView.class)))
    @APIResponse(responseCode = "400", description = "The slug is too long, or 'before' or 'size' is not a whole number in its range")
    @APIResponse(responseCode = "404", description = "No such provider, now or ever recorded")
    public ChangePageView history(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @Parameter(description = "Only changes with a smaller id (the previous page's 'next'); from the newest when absent",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = CatalogLimits.LONG_MAX))
            @QueryParam("before") String before,
            @Parameter(description = "Page size, at most " + ChangeResource.SIZE_MAX, schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "" + ChangeResource.SIZE_MAX, defaultValue = "" + ChangeResource.SIZE_DEFAULT))
            @QueryParam("size") String size) {
        return ChangeResource.history(changes, json, EntryKind.PROVIDER, slug, before, size,
                () -> catalog.provider(slug).isPresent(), () -> notFound(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "createProvider", summary = "Create a provider")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: a country code that is not assigned, more decimals than "
            + "the energy facts keep, or evidence of a fact the provider does not state")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull(message = "a provider is required") @Valid ProviderInput body) {
        ProviderCount counted = service.create(CatalogMapper.providerFacts(body));
        ProviderView created = CatalogMapper.provider(counted, origins.now().of(counted.provider()));
        return Response.created(URI.create("/api/v1/providers/" + created.slug()))
                .tag(new EntityTag(String.valueOf(created.version()))).entity(created).build();
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "replaceProvider", summary = "Replace a provider",
            description = "Needs If-Match with the current ETag (412 when stale) or the current version in the body (409 when stale). "
                    + "Its offerings stay.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a slug other than the path's")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "409", description = "The body's version is stale")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "428", description = "Neither If-Match nor a version was sent")
    public Response replace(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch,
            @NotNull(message = "a provider is required") @Valid ProviderInput body) {
        return service.replace(slug, CatalogMapper.providerFacts(body), QueryParams.ifMatchVersion(ifMatch))
                .map(this::withEtag).orElseThrow(() -> notFound(slug));
    }

    @PATCH
    @Path("{slug}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchProvider", summary = "Change some facts of a provider (JSON merge patch, RFC 7386)",
            description = "null removes an optional fact (and its evidence must go with it). If-Match (412 when stale) and a "
                    + "version member (409 when stale) are optional.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
            description = "Members of ProviderInput to change"), examples = @ExampleObject(
            name = "energy", value = "{\"energy\": {\"pue\": 1.3}, \"version\": 3}")))
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "400", description = "The patched provider is invalid")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "409", description = "The patch's version is stale")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response patch(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch,
            @NotNull(message = "a merge patch is required") JsonNode patch) {
        Integer ifMatchVersion = QueryParams.ifMatchVersion(ifMatch);
        JsonMergePatch<ProviderInput, ProviderFacts> change = new JsonMergePatch<>(patch, ProviderInput.class,
                CatalogMapper::providerInput, CatalogMapper::providerFacts, json, validator);
        return service.patch(slug, ifMatchVersion, change).map(this::withEtag).orElseThrow(() -> notFound(slug));
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteProvider", summary = "Delete a provider and its offerings",
            description = "Its offerings belong to it and are deleted with it; the products they ran stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The slug is too long, or If-Match is not an ETag of this API")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response delete(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch) {
        if (!service.delete(slug, QueryParams.ifMatchVersion(ifMatch))) {
            throw notFound(slug);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{slug}/offerings")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listProviderOfferings", summary = "The products a provider runs as managed services")
    @APIResponse(responseCode = "200", description = "The offerings", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = OfferingView.class, maxItems = CatalogLimits.UNPAGED)))
    @APIResponse(responseCode = "400", description = "The slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such provider")
    public List<OfferingView> offerings(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return catalog.offeringsOfProvider(slug).map(found -> CatalogMapper.offerings(found, origins.now()))
                .orElseThrow(() -> ProblemException.notFound("provider", slug));
    }

    @GET
    @Path("{slug}/offerings/{product}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getOffering", summary = "Get the offering of a product by a provider",
            description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The offering",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "400", description = "A slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such provider, product, or offering of the product by the provider")
    public Response offering(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @PathParam("product") @Size(max = CatalogLimits.SLUG) String product) {
        return service.offering(slug, product).map(this::withEtag).orElseThrow(() -> offeringNotFound(slug, product));
    }

    @PUT
    @Path("{slug}/offerings/{product}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "putOffering", summary = "Create or replace the offering of a product by a provider",
            description = "Creates the offering when the provider has none of the product (201; If-Match and a version must "
                    + "then be left out). Replacing one needs If-Match with its ETag (412 when stale) or its version in the body "
                    + "(409 when stale). The provider and the product must exist: the path names them, so a missing one is a 404.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: a country code that is not assigned, or evidence of a "
            + "fact the offering does not state")
    @APIResponse(responseCode = "404", description = "No such provider or product; the problem names which")
    @APIResponse(responseCode = "409", description = "The body's version is stale, or names one while there is no offering yet")
    @APIResponse(responseCode = "412", description = "If-Match is stale, or names a version while there is no offering yet")
    @APIResponse(responseCode = "428", description = "The offering exists and neither If-Match nor a version was sent")
    public Response putOffering(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @PathParam("product") @Size(max = CatalogLimits.SLUG) String product,
            @Parameter(description = "ETag of the version the change is based on", example = "\"3\"")
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch,
            @NotNull(message = "an offering is required") @Valid OfferingInput body) {
        OfferingWrite written = service.putOffering(slug, product, CatalogMapper.offeringFacts(body), QueryParams.ifMatchVersion(ifMatch));
        if (!written.created()) {
            return withEtag(written.offering());
        }
        OfferingView view = CatalogMapper.offering(written.offering(), origins.now().of(written.offering()));
        return Response.created(URI.create("/api/v1/providers/" + slug + "/offerings/" + product))
                .tag(new EntityTag(String.valueOf(view.version()))).entity(view).build();
    }

    @PATCH
    @Path("{slug}/offerings/{product}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "patchOffering", summary = "Change some facts of an offering (JSON merge patch, RFC 7386)",
            description = "null removes an optional fact (and its evidence must go with it). If-Match (412 when stale) and a "
                    + "version member (409 when stale) are optional.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
            description = "Members of OfferingInput to change"), examples = @ExampleObject(
            name = "keyCustody", value = "{\"keyCustody\": \"CUSTOMER_HELD\", \"version\": 3}")))
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "400", description = "The patched offering is invalid")
    @APIResponse(responseCode = "404", description = "No such provider, product, or offering of the product by the provider")
    @APIResponse(responseCode = "409", description = "The patch's version is stale")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response patchOffering(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @PathParam("product") @Size(max = CatalogLimits.SLUG) String product,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch,
            @NotNull(message = "a merge patch is required") JsonNode patch) {
        Integer ifMatchVersion = QueryParams.ifMatchVersion(ifMatch);
        JsonMergePatch<OfferingInput, OfferingFacts> change = new JsonMergePatch<>(patch, OfferingInput.class,
                CatalogMapper::offeringInput, CatalogMapper::offeringFacts, json, validator);
        return service.patchOffering(slug, product, ifMatchVersion, change).map(this::withEtag)
                .orElseThrow(() -> offeringNotFound(slug, product));
    }

    @DELETE
    @Path("{slug}/offerings/{product}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteOffering", summary = "Delete the offering of a product by a provider",
            description = "The provider and the product stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "A slug is too long, or If-Match is not an ETag of this API")
    @APIResponse(responseCode = "404", description = "No such provider, product, or offering of the product by the provider")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response deleteOffering(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @PathParam("product") @Size(max = CatalogLimits.SLUG) String product,
            @HeaderParam("If-Match") @Size(max = 40) String ifMatch) {
        if (!service.deleteOffering(slug, product, QueryParams.ifMatchVersion(ifMatch))) {
            throw offeringNotFound(slug, product);
        }
        return Response.noContent().build();
    }

    private Response withEtag(ProviderCount provider) {
        ProviderView view = CatalogMapper.provider(provider, origins.now().of(provider.provider()));
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    private Response withEtag(Offering offering) {
        OfferingView view = CatalogMapper.offering(offering, origins.now().of(offering));
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("provider", slug);
    }

    private static ProblemException offeringNotFound(String provider, String product) {
        return ProblemException.notFound("offering", provider + "/" + product);
    }
}

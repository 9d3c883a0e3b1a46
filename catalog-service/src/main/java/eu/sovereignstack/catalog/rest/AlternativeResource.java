package eu.sovereignstack.catalog.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.service.AlternativeService;
import eu.sovereignstack.catalog.service.CatalogService;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.common.problem.ProblemException;

@Path("/api/v1/products")
@Tag(name = ApiTags.ALTERNATIVES, description = "What can replace a product, and what it replaces")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class AlternativeResource {

    private final AlternativeService alternatives;
    private final CatalogService catalog;
    private final Origins origins;

    AlternativeResource(AlternativeService alternatives, CatalogService catalog, Origins origins) {
        this.origins = origins;
        this.alternatives = alternatives;
        this.catalog = catalog;
    }

    @GET
    @Path("{slug}/alternatives")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listAlternatives", summary = "What can replace this product", description = "Full fits first, then open source, then by name.")
    @APIResponse(responseCode = "200", description = "The alternatives", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AlternativeView.class, maxItems = CatalogLimits.UNPAGED)))
    @APIResponse(responseCode = "400", description = "A slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such product")
    public List<AlternativeView> alternatives(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return alternatives.replacing(slug).map(found -> found.stream().map(CatalogMapper::alternative).toList())
                .orElseThrow(() -> ProductResource.notFound(slug));
    }

    @GET
    @Path("{slug}/replaces")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listReplacedProducts", summary = "What this product can replace")
    @APIResponse(responseCode = "200", description = "The products it replaces", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AlternativeView.class, maxItems = CatalogLimits.UNPAGED)))
    @APIResponse(responseCode = "400", description = "A slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such product")
    public List<AlternativeView> replaces(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return alternatives.replacedBy(slug).map(found -> found.stream().map(CatalogMapper::replaced).toList())
                .orElseThrow(() -> ProductResource.notFound(slug));
    }

    @GET
    @Path("{slug}/offerings")
    @RolesAllowed(Roles.VIEWER)
    @Tag(name = ApiTags.PROVIDERS)
    @Operation(operationId = "listProductOfferings", summary = "Who runs this product as a managed service")
    @APIResponse(responseCode = "200", description = "The offerings", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = OfferingView.class, maxItems = CatalogLimits.UNPAGED)))
    @APIResponse(responseCode = "400", description = "A slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such product")
    public List<OfferingView> offerings(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return catalog.offeringsOfProduct(slug).map(found -> CatalogMapper.offerings(found, origins.now()))
                .orElseThrow(() -> ProductResource.notFound(slug));
    }

    @POST
    @Path("{slug}/alternatives")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "addAlternative", summary = "Record that another product can replace this one")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlternativeView.class)))
    @APIResponse(responseCode = "400", description = "Unknown alternative, or the product itself")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "The relation exists already")
    public Response add(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @NotNull(message = "an alternative is required") @Valid AlternativeInput body) {
        AlternativeView added = alternatives.add(slug, body.alternative(), body.fit(), body.notes())
                .map(CatalogMapper::alternative).orElseThrow(() -> ProductResource.notFound(slug));
        return Response.created(URI.create("/api/v1/products/" + slug + "/alternatives/" + added.product().slug()))
                .entity(added).build();
    }

    @DELETE
    @Path("{slug}/alternatives/{alternative}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "removeAlternative", summary = "Remove an alternative relation")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "A slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such product or relation")
    public Response remove(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug,
            @PathParam("alternative") @Size(max = CatalogLimits.SLUG) String alternative) {
        if (!alternatives.remove(slug, alternative)) {
            throw ProblemException.notFound("alternative relation", alternative + " -> " + slug);
        }
        return Response.noContent().build();
    }
}

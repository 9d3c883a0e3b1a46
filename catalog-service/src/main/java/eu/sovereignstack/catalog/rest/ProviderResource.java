package eu.sovereignstack.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.service.CatalogService;
import eu.sovereignstack.common.problem.ProblemException;

@Path("/api/v1/providers")
@Tag(name = ApiTags.PROVIDERS, description = "Cloud providers and the products they run as managed services")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private final CatalogService catalog;

    ProviderResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listProviders", summary = "All providers, by name")
    @APIResponse(responseCode = "200", description = "The providers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderView.class, maxItems = CatalogLimits.UNPAGED)))
    public List<ProviderView> providers() {
        return catalog.providers().stream().map(CatalogMapper::provider).toList();
    }

    @GET
    @Path("{slug}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "getProvider", summary = "Get a provider")
    @APIResponse(responseCode = "200", description = "The provider",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "400", description = "The slug is longer than " + CatalogLimits.SLUG + " characters")
    @APIResponse(responseCode = "404", description = "No such provider")
    public ProviderView provider(@PathParam("slug") @Size(max = CatalogLimits.SLUG) String slug) {
        return catalog.provider(slug).map(CatalogMapper::provider).orElseThrow(() -> ProblemException.notFound("provider", slug));
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
        return catalog.offeringsOfProvider(slug).map(found -> found.stream().map(CatalogMapper::offering).toList())
                .orElseThrow(() -> ProblemException.notFound("provider", slug));
    }
}

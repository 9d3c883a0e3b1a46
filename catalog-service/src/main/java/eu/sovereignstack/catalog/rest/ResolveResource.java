package eu.sovereignstack.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.contract.ResolveRequest;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.catalog.service.ResolveService;

@Path("/api/v1/products")
@Tag(name = ApiTags.RESOLVE, description = "Recognise inventory items as catalog products, a batch at a time")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ResolveResource {

    private final ResolveService service;
    private final Origins origins;
    private final AssertionViews assertions;

    ResolveResource(ResolveService service, Origins origins, AssertionViews assertions) {
        this.assertions = assertions;
        this.service = service;
        this.origins = origins;
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "resolveProducts", summary = "Recognise up to " + CatalogLimits.RESOLVE_ITEMS + " inventory items as catalog products",
            description = "Per item the first rule that hits wins: slug equals a product slug (SLUG); the Package URL names "
                    + "one of a product's packages, ignoring version, qualifiers and subpath (PURL); the normalised name equals "
                    + "a product's normalised name, slug or alias, then the same without a leading vendor word such as "
                    + "Microsoft or Apache (NAME); otherwise NONE. The answer holds one match per item, in request order, and "
                    + "the facts of every matched product and of every product named in their alternatives and sameCategory.")
    @APIResponse(responseCode = "200", description = "One match per item; unrecognised items answer NONE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResolveResult.class)))
    @APIResponse(responseCode = "400", description = "Too many or no items, a duplicate ref (items[i].ref), "
            + "or an item with none of slug, purl and name (items[i])")
    public ResolveResult resolve(@NotNull(message = "a resolve request is required") @Valid ResolveRequest body) {
        return ResolveMapper.result(service.resolve(ResolveMapper.items(body)), origins.now(), assertions);
    }
}

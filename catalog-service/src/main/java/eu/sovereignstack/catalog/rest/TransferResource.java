package eu.sovereignstack.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.service.CatalogService;
import eu.sovereignstack.catalog.service.ProductService;
import eu.sovereignstack.common.problem.Problem;

@Path("/api/v1")
@Tag(name = ApiTags.TRANSFER, description = "Bulk import of products and export of the whole catalog")
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {

    private final ProductService products;
    private final CatalogService catalog;

    TransferResource(ProductService products, CatalogService catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    @POST
    @Path("products/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create or update up to " + ApiLimits.IMPORT_PRODUCTS + " products, all or nothing",
            description = "Products are matched by slug. If any entry is invalid nothing is stored, and the problem lists "
                    + "the errors of every entry (fields such as products[3].licence).")
    @APIResponse(responseCode = "200", description = "All entries stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "At least one entry is invalid; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportResult importProducts(@NotNull(message = "an import request is required") @Valid ImportRequest body) {
        return products.importProducts(body.products());
    }

    @GET
    @Path("export")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The whole catalog as JSON",
            description = "Its products array can be posted to the import as it is.")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogExport.class)))
    public CatalogExport export() {
        return catalog.export();
    }
}

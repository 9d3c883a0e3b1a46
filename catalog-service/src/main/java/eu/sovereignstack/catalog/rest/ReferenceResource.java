package eu.sovereignstack.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import eu.sovereignstack.catalog.service.Origins;

@Path("/api/v1")
@Tag(name = ApiTags.REFERENCE, description = "Category taxonomy and licences in use")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    private final CatalogService catalog;
    private final Origins origins;

    ReferenceResource(CatalogService catalog, Origins origins) {
        this.catalog = catalog;
        this.origins = origins;
    }

    @GET
    @Path("categories")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listCategories", summary = "The category taxonomy, with product counts")
    @APIResponse(responseCode = "200", description = "All categories, in taxonomy order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryView.class, maxItems = CatalogLimits.UNPAGED)))
    public List<CategoryView> categories() {
        return catalog.categories().stream().map(CatalogMapper::category).toList();
    }

    @GET
    @Path("licences")
    @RolesAllowed(Roles.VIEWER)
    @Operation(operationId = "listLicences", summary = "The licences catalog products use",
            description = "Each SPDX id in use, whether it is OSI-approved, and its family; most used first.")
    @APIResponse(responseCode = "200", description = "Licences in use", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LicenceView.class, maxItems = CatalogLimits.UNPAGED)))
    public List<LicenceView> licences() {
        return catalog.licencesInUse().stream().map(CatalogMapper::licence).toList();
    }

    @GET
    @Path("export")
    @RolesAllowed(Roles.VIEWER)
    @Tag(name = ApiTags.TRANSFER)
    @Operation(operationId = "exportCatalog", summary = "The whole catalog as JSON",
            description = "Its products array can be posted to the import as it is.")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogExport.class)))
    public CatalogExport export() {
        return CatalogMapper.export(catalog.export(), origins.now());
    }
}

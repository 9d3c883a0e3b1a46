package eu.sovereignstack.catalog.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.CatalogLimits;

@Schema(name = "ImportRequest", description = "Products to create or update, all or nothing.")
public record ImportRequest(
        @NotEmpty @Size(max = CatalogLimits.IMPORT_PRODUCTS) @Schema(maxItems = CatalogLimits.IMPORT_PRODUCTS)
        List<@NotNull @Valid ProductInput> products) {
}

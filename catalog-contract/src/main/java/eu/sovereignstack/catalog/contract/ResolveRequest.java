package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.RESOLVE_ITEMS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.RESOLVE_NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.RESOLVE_PURL;
import static eu.sovereignstack.catalog.contract.CatalogLimits.RESOLVE_REF;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One batch of an inventory to recognise as catalog products. */
@Schema(name = "ResolveRequest", description = "Inventory items to recognise as catalog products, at most "
        + RESOLVE_ITEMS + " per request.")
public record ResolveRequest(
        @NotEmpty @Size(max = RESOLVE_ITEMS) @Schema(minItems = 1, maxItems = RESOLVE_ITEMS)
        List<@NotNull @Valid Item> items) {

    /** An item names the product by slug, Package URL or name; at least one of them is required. */
    @Schema(name = "ResolveItem", description = "An inventory item: ref plus at least one of slug, purl and name.")
    public record Item(
            @NotBlank @Size(max = RESOLVE_REF) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
            @Schema(description = "The caller's id of the item, unique within the request", examples = "srv-042",
                    maxLength = RESOLVE_REF)
            String ref,

            @Size(max = SLUG)
            @Schema(description = "A catalog slug, if the caller knows it", examples = "keycloak", maxLength = SLUG)
            String slug,

            @Size(max = RESOLVE_PURL)
            @Schema(description = "A Package URL; version, qualifiers and subpath are ignored, and one that does not parse "
                    + "just does not match", examples = "pkg:maven/org.keycloak/keycloak-core@26.0.5", maxLength = RESOLVE_PURL)
            String purl,

            @Size(max = RESOLVE_NAME)
            @Schema(description = "The name the inventory uses", examples = "Azure AD", maxLength = RESOLVE_NAME)
            String name) {
    }
}

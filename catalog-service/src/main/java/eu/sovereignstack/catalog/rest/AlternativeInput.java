package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.contract.AlternativeFit;

/** "The product {@code alternative} can replace the product of the path." */
@Schema(name = "AlternativeInput")
public record AlternativeInput(
        @NotBlank @Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN)
        @Schema(description = "Slug of the product that can replace the one in the path", examples = "keycloak")
        String alternative,
        @NotNull
        AlternativeFit fit,
        @Size(max = NOTES) @Pattern(regexp = MULTI_LINE) @Schema(maxLength = NOTES)
        String notes) {
}

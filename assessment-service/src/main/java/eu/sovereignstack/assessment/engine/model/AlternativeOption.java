package eu.sovereignstack.assessment.engine.model;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.catalog.contract.CatalogLimits;

/** A ranked way out for an item: a product (or the same one run elsewhere) and what it would score. */
@Schema(name = "AlternativeOption")
public record AlternativeOption(
        @Schema(description = "Catalog slug", maxLength = CatalogLimits.SLUG, pattern = CatalogLimits.SLUG_PATTERN) String product,
        @Schema(maxLength = CatalogLimits.NAME, pattern = Limits.SINGLE_LINE) String name,
        @Schema(description = "FULL or PARTIAL (catalog relation), SAME_CATEGORY (a candidate of the category), SAME_PRODUCT (run elsewhere)",
                enumeration = {"FULL", "PARTIAL", "SAME_CATEGORY", "SAME_PRODUCT"})
        String fit,
        @Schema(description = "How it would run after the switch") Deployment deployment,
        @Schema(description = "The item's score after the switch") double scoreAfter,
        @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int sealAfter,
        Map<SovereigntyObjective, @Min(0) @Max(SealLevel.MAX) Integer> levelsAfter,
        @Schema(description = "scoreAfter minus the current score") double gain,
        @Schema(description = "Share of open standards in common with the current product, 0-1") double standardsOverlap,
        @Schema(description = "Project health, 0-1 (0.5 when unknown)") double health,
        @Schema(description = "Ranking score, 0-1") double rank,
        @Schema(description = "Delivered otherwise than the item: installed on each user's device in place of a shared "
                + "service, or the reverse. It replaces only part of what the item does, so it ranks after the options of the "
                + "same SEAL that are delivered alike; false when either delivery is unknown")
        boolean changesDelivery,
        @Schema(maxLength = CatalogLimits.LICENCE) String licence,
        @Schema(maxItems = Limits.OPTION_REASONS) List<@Size(max = Limits.SENTENCE) String> reasons) {

    /** The same option without the sentences that explain its rank. */
    public AlternativeOption withoutReasons() {
        return new AlternativeOption(product, name, fit, deployment, scoreAfter, sealAfter, levelsAfter, gain, standardsOverlap, health,
                rank, changesDelivery, licence, List.of());
    }
}

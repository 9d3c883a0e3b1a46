package eu.sovereignstack.assessment.engine.model;

import static eu.sovereignstack.assessment.domain.Limits.EFFORT_POINTS;
import static eu.sovereignstack.assessment.domain.Limits.ITEMS;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.catalog.contract.CatalogLimits;

/**
 * Items that can migrate together: everything they depend on is in an earlier wave. Inside
 * a wave, quick wins (small effort, large gain) come first. Every item is in one wave at most,
 * so there are at most as many waves, and effort points, as the items allow.
 */
@Schema(name = "MigrationWave")
public record MigrationWave(
        @Schema(minimum = "1", maximum = "" + ITEMS) int number,
        @Schema(maxItems = ITEMS) List<WaveItem> items,
        @Schema(description = "Effort points of this wave", minimum = "0", maximum = "" + EFFORT_POINTS * ITEMS) int effort,
        @Schema(description = "Effort points of this and all earlier waves", minimum = "0", maximum = "" + EFFORT_POINTS * ITEMS)
        int cumulativeEffort) {

    @Schema(name = "WaveItem")
    public record WaveItem(
            @Schema(maxLength = Limits.ID, pattern = Limits.SINGLE_LINE) String id,
            @Schema(maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE) String name,
            Disposition disposition,
            Effort effort,
            @Schema(description = "Catalog slug of the option chosen", maxLength = CatalogLimits.SLUG,
                    pattern = CatalogLimits.SLUG_PATTERN)
            String target,
            double gain) {
    }
}

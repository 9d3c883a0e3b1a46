package eu.sovereignstack.assessment.plan;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Items that can migrate together: everything they depend on is in an earlier wave. Inside
 * a wave, quick wins (small effort, large gain) come first.
 */
@Schema(name = "MigrationWave")
public record MigrationWave(
        int number,
        List<WaveItem> items,
        @Schema(description = "Effort points of this wave") int effort,
        @Schema(description = "Effort points of this and all earlier waves") int cumulativeEffort) {

    @Schema(name = "WaveItem")
    public record WaveItem(String id, String name, Disposition disposition, Effort effort, String target, double gain) {
    }
}

package eu.sovereignstack.assessment.engine.model;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * Weights of the objectives, in percent, summing to 100: a versioned, selectable profile
 * (the CSF v1.2.1 weights are the default).
 */
@Schema(name = "ScoringProfile")
public record ScoringProfile(
        @Schema(examples = "eu-csf-1.2.1", maxLength = Limits.PROFILE) String id,
        @Schema(maxLength = Limits.PROFILE_NAME) String name,
        @Schema(maxLength = Limits.PROFILE_DESCRIPTION) String description,
        @Schema(examples = "1.2.1", maxLength = Limits.FRAMEWORK_VERSION) String frameworkVersion,
        @Schema(description = "Percent per objective, summing to 100")
        Map<SovereigntyObjective, @Min(0) @Max(Limits.WEIGHT) Integer> weights,
        boolean isDefault) {

    public ScoringProfile {
        weights = new EnumMap<>(weights);
        if (weights.size() != SovereigntyObjective.values().length) {
            throw new IllegalArgumentException("profile " + id + " must weigh all eight objectives");
        }
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total != 100) {
            throw new IllegalArgumentException("profile " + id + " weights sum to " + total + ", not 100");
        }
    }

    public int weight(SovereigntyObjective objective) {
        return weights.get(objective);
    }
}

package eu.sovereignstack.assessment.engine.model;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * Weights of the objectives, in percent, summing to 100: a versioned, selectable profile
 * (the CSF v1.2.1 weights are the default). Its {@code version} covers the weights and the rules.
 */
@Schema(name = "ScoringProfile")
public record ScoringProfile(
        @Schema(examples = "eu-csf-1.2.1", maxLength = Limits.PROFILE) String id,
        @Schema(maxLength = Limits.PROFILE_NAME) String name,
        @Schema(maxLength = Limits.PROFILE_DESCRIPTION) String description,
        @Schema(examples = "1.2.1", maxLength = Limits.FRAMEWORK_VERSION) String frameworkVersion,
        @Schema(description = "Percent per objective, summing to 100")
        Map<SovereigntyObjective, @Min(0) @Max(Limits.WEIGHT) Integer> weights,
        boolean isDefault,
        @Schema(description = "The version of its weights and of the rules that apply them: it changes whenever a rule, a "
                + "threshold or a weight changes, and every result names the version it was computed with",
                maxLength = Limits.RULES_VERSION, pattern = "^[0-9a-f]{12}$")
        String version) {

    /** A profile whose version is not known yet (the service adds it). */
    public ScoringProfile(String id, String name, String description, String frameworkVersion,
            Map<SovereigntyObjective, Integer> weights, boolean isDefault) {
        this(id, name, description, frameworkVersion, weights, isDefault, null);
    }

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

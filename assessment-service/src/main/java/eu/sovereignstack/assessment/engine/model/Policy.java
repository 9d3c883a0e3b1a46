package eu.sovereignstack.assessment.engine.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;


/** A policy gate, as in CSF-based tenders: the minimum SEAL level per objective. */
@Schema(name = "Policy")
public record Policy(
        @Size(max = Limits.OBJECTIVES) @Schema(description = "Minimum SEAL level (0-4) per objective", examples = "{\"SOV-2\": 3, \"SOV-3\": 3}")
        Map<@NotNull SovereigntyObjective, @NotNull @Min(0) @Max(SealLevel.MAX) Integer> minimumSeal) {

    public Policy {
        // In objective order, so the policy reads (and hashes, for Idempotency-Key) the same in every process;
        // Map.copyOf first, to refuse null keys and values as before.
        minimumSeal = minimumSeal == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(minimumSeal)));
    }

    public static Policy none() {
        return new Policy(Map.of());
    }
}

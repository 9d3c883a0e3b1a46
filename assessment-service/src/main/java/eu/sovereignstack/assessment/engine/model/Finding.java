package eu.sovereignstack.assessment.engine.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * Why objectives of an item are below SEAL 4: a stable {@code code}, how serious it is, the
 * objective it cuts most and the level it cuts it to, a sentence a person can read, the facts it
 * rests on with their evidence, and every objective it cuts ({@code caps}): one finding per
 * code, however many objectives it caps.
 */
@Schema(name = "Finding")
public record Finding(
        @Schema(examples = "NON_EU_JURISDICTION", maxLength = Limits.FINDING_CODE, pattern = Limits.FINDING_CODE_PATTERN) String code,
        Severity severity,
        @Schema(implementation = String.class, examples = "SOV-2",
                enumeration = {"SOV-1", "SOV-2", "SOV-3", "SOV-4", "SOV-5", "SOV-6", "SOV-7", "SOV-8"})
        SovereigntyObjective objective,
        @Schema(description = "The SEAL level this finding caps the objective at", minimum = "0", maximum = "" + SealLevel.MAX)
        int cap,
        @Schema(maxLength = Limits.SENTENCE) String message,
        @Schema(description = "The facts it rests on, each with its evidence; an unknown fact says so",
                maxItems = Limits.FINDING_FACTS)
        List<FindingFact> facts,
        @Schema(description = "Every objective it caps, with the level; objective and cap above are the lowest of them",
                maxItems = Limits.OBJECTIVES)
        List<ObjectiveCap> caps) {

    /** A finding stored before findings listed their objectives caps the one it names. */
    public Finding {
        facts = facts == null ? List.of() : List.copyOf(facts);
        caps = caps == null || caps.isEmpty() ? List.of(new ObjectiveCap(objective, cap)) : List.copyOf(caps);
    }

    public Finding(String code, Severity severity, SovereigntyObjective objective, int cap, String message,
            List<FindingFact> facts) {
        this(code, severity, objective, cap, message, facts, null);
    }

    public Finding(String code, Severity severity, SovereigntyObjective objective, int cap, String message) {
        this(code, severity, objective, cap, message, List.of(), null);
    }

    /** An objective a finding caps, and the level it caps it at. */
    @Schema(name = "ObjectiveCap")
    public record ObjectiveCap(
            @Schema(implementation = String.class, examples = "SOV-6",
                    enumeration = {"SOV-1", "SOV-2", "SOV-3", "SOV-4", "SOV-5", "SOV-6", "SOV-7", "SOV-8"})
            SovereigntyObjective objective,
            @Schema(minimum = "0", maximum = "" + SealLevel.MAX) int cap) {
    }
}

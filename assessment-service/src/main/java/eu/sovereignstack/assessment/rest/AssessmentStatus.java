package eu.sovereignstack.assessment.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.sovereignstack.assessment.domain.AssessmentJob;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.service.JobStatus;
import eu.sovereignstack.common.problem.Problem;

/** Where an assessment submitted as a job stands; what does not apply (yet) is absent. */
@Schema(name = "AssessmentStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentStatus(
        @Schema(description = "The assessment's id (also while it runs)", implementation = String.class, format = "uuid",
                maxLength = Limits.UUID)
        UUID id,
        @Schema(enumeration = {"queued", "running", "done", "failed", "cancelled"}) String state,
        @Schema(description = "While running: the phase under way", enumeration = {"resolve", "score", "plan"}) String phase,
        @Schema(description = "Percent done", minimum = "0", maximum = "100") int progress,
        @Schema(description = "Inventory items", minimum = "0", maximum = "" + Limits.ITEMS) int items,
        @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant createdAt,
        @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant startedAt,
        @Schema(implementation = String.class, format = "date-time", maxLength = Limits.DATE_TIME) Instant finishedAt,
        @Schema(description = "Why it failed: the problem the API would have answered") Problem problem,
        @Schema(description = "When done: the assessment", implementation = String.class, format = "uri-reference",
                maxLength = Limits.UUID + 40)
        URI assessment) {

    static AssessmentStatus of(JobStatus status, ObjectMapper json) {
        Problem problem = null;
        if (status.problem() != null) {
            try {
                problem = json.readValue(status.problem(), Problem.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a stored problem is unreadable", e);
            }
        }
        return new AssessmentStatus(status.id(), status.state().name().toLowerCase(Locale.ROOT), status.phase(), status.progress(),
                status.items(), status.createdAt(), status.startedAt(), status.finishedAt(), problem,
                status.state() == AssessmentJob.State.DONE ? URI.create("/api/v1/assessments/" + status.id()) : null);
    }
}

package eu.sovereignstack.assessment.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.engine.model.Policy;

/** An inventory in the API's own JSON, with how to assess it. */
@Schema(name = "AssessmentRequest")
public record AssessmentRequest(
        @Size(max = Limits.NAME) @Pattern(regexp = Limits.SINGLE_LINE)
        @Schema(description = "Defaults to the organisation's name", maxLength = Limits.NAME)
        String name,
        @NotNull @Valid
        Organisation organisation,
        @NotEmpty @Size(max = Limits.ITEMS) @Schema(maxItems = Limits.ITEMS)
        List<@NotNull @Valid InventoryItem> items,
        @Size(max = Limits.PROFILE) @Schema(description = "Scoring profile id; default eu-csf-1.2.1", examples = "eu-csf-1.2.1")
        String profile,
        @DecimalMin("0") @DecimalMax("100")
        @Schema(description = "Items scoring below this get a migration plan; default 70")
        Double threshold,
        @Valid
        Policy policy) {
}

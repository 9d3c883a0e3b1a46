package eu.sovereignstack.assessment.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an organisation runs today: the input of an assessment, whatever format it came in. */
@Schema(name = "Inventory")
public record Inventory(
        @NotNull @Valid Organisation organisation,
        @NotEmpty @Size(max = Limits.ITEMS) @Schema(maxItems = Limits.ITEMS)
        List<@NotNull @Valid InventoryItem> items) {
}

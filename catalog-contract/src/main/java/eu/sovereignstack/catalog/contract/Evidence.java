package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.EVIDENCE_ASSERTED_BY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.EVIDENCE_EXCERPT;
import static eu.sovereignstack.catalog.contract.CatalogLimits.EVIDENCE_SOURCE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.MULTI_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a fact comes from, so that anyone can check it: the source, the day it said so, how the
 * fact was obtained and who vouches for it.
 *
 * @param source     an http(s) URL, or a dataset with its version
 * @param asOf       the day the source stated the fact (its own date, else the day it was read)
 * @param method     how the fact was obtained from the source
 * @param assertedBy who vouches for the fact
 * @param excerpt    words copied exactly from the source, when there are any
 */
@Schema(name = "Evidence", description = "Where a fact comes from.")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(
        @NotBlank @Size(max = EVIDENCE_SOURCE) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
        @Schema(description = "An http(s) URL, or a dataset with its version", maxLength = EVIDENCE_SOURCE,
                examples = "https://github.com/nextcloud/server/blob/master/COPYING")
        String source,
        @NotNull @PastOrPresent
        @Schema(description = "The day the source stated the fact", implementation = String.class, format = "date",
                maxLength = DATE, examples = "2026-12-02")
        LocalDate asOf,
        @NotNull
        EvidenceMethod method,
        @NotBlank @Size(max = EVIDENCE_ASSERTED_BY) @Pattern(regexp = SINGLE_LINE, message = "must be a single line without control characters")
        @Schema(description = "Who vouches for the fact", maxLength = EVIDENCE_ASSERTED_BY, examples = "Sovereign Stack seed")
        String assertedBy,
        @Size(max = EVIDENCE_EXCERPT) @Pattern(regexp = MULTI_LINE, message = "must not contain control characters")
        @Schema(description = "Words copied exactly from the source", maxLength = EVIDENCE_EXCERPT)
        String excerpt) {
}

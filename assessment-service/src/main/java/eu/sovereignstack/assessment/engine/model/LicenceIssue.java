package eu.sovereignstack.assessment.engine.model;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * A licence finding about a target stack.
 *
 * @param kind     what it is about
 * @param items    the item ids involved: the including item first, then the included one
 * @param licences the licence expressions of those items, in the same order (empty when unknown)
 * @param reason   a sentence a person can read
 */
public record LicenceIssue(
        IssueKind kind,
        @Schema(maxItems = Limits.ISSUE_ITEMS) List<@Size(max = Limits.ID) String> items,
        @Schema(maxItems = Limits.ISSUE_ITEMS) List<@Size(max = Limits.LICENCE) String> licences,
        @Schema(maxLength = Limits.LICENCE_ISSUE_REASON) String reason) {

    public LicenceIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        items = List.copyOf(items);
        licences = List.copyOf(licences);
    }
}

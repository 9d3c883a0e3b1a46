package eu.sovereignstack.catalog.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total the filters match. */
@Schema(name = "Page")
public record PageView<T>(
        List<T> items,
        @Schema(description = "Zero-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Items matching the filters, on all pages") long totalItems,
        int totalPages) {
}

package eu.sovereignstack.common.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total the filters match: the same shape in every service. */
@Schema(name = "Page")
public record PageView<T>(
        List<T> items,
        @Schema(description = "Zero-based page number") int page,
        @Schema(description = "Page size asked for") int size,
        @Schema(description = "Items matching the filters, on all pages") long totalItems,
        int totalPages) {

    /** A page of {@code items} out of {@code total}, with the page count derived. */
    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}

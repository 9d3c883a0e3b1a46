package eu.sovereignstack.common.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, with the total the filters match: the same shape in every service. The
 * services take at most {@link #MAX_SIZE} items per page and at most page {@link #MAX_PAGE};
 * the totals are counts, bounded only by their Java types.
 */
@Schema(name = "Page")
public record PageView<T>(
        @Schema(maxItems = MAX_SIZE)
        List<T> items,
        @Schema(description = "Zero-based page number", minimum = "0", maximum = "" + MAX_PAGE) int page,
        @Schema(description = "Page size asked for", minimum = "1", maximum = "" + MAX_SIZE) int size,
        @Schema(description = "Items matching the filters, on all pages", minimum = "0", maximum = "" + Long.MAX_VALUE)
        long totalItems,
        @Schema(minimum = "0", maximum = "" + Integer.MAX_VALUE) int totalPages) {

    /** The largest page size a service accepts. */
    public static final int MAX_SIZE = 100;
    /** The last page number a service accepts (zero-based). */
    public static final int MAX_PAGE = 10_000;

    /** A page of {@code items} out of {@code total}, with the page count derived. */
    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}

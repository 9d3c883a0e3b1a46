package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of changes, the cursor to continue from and whether more follow. */
@Schema(name = "ChangePage")
public record ChangePageView(
        @Schema(maxItems = ChangeResource.SIZE_MAX) List<ChangeView> items,
        @Schema(description = "The cursor for the next page: 'after' for the feed (the last id served, or the cursor sent when "
                + "nothing was), 'before' for a history (absent when the page is empty)", minimum = "0", maximum = LONG_MAX)
        Long next,
        @Schema(description = "Whether more changes follow now; the feed may grow later either way") boolean more) {
}

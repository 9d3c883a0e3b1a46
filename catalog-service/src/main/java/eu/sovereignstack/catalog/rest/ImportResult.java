package eu.sovereignstack.catalog.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportResult")
public record ImportResult(
        @Schema(description = "Slugs of the products created") List<String> created,
        @Schema(description = "Slugs of existing products whose facts changed") List<String> updated,
        @Schema(description = "Slugs of existing products that were already identical") List<String> unchanged) {
}

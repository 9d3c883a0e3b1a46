package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.DATE_TIME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.INT_MAX;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.ChangeOperation;

/** One recorded write of a catalog entry, as the feed and the histories show it. */
@Schema(name = "Change")
public record ChangeView(
        @Schema(description = "Increases in commit order; the feed's cursor", minimum = "1", maximum = LONG_MAX) long id,
        @Schema(enumeration = {"product", "provider", "offering", "alternative"}) String kind,
        @Schema(description = "The entry's slug; provider/product for an offering; product/alternative for an alternative relation "
                + "(the alternative can replace the product)", maxLength = ChangeView.KEY, pattern = "^[a-z0-9-]+(/[a-z0-9-]+)?$")
        String key,
        ChangeOperation operation,
        @Schema(description = "The entry's version after the change; absent for a deletion and for alternative relations",
                minimum = "0", maximum = INT_MAX) Integer version,
        ChangeActor actor,
        @Schema(implementation = String.class, format = "date-time", maxLength = DATE_TIME, description = "Server time of the write")
        Instant at,
        @Schema(description = "The X-Request-Id of the write, or the one the service made when none sane was sent",
                maxLength = 128, pattern = "^[A-Za-z0-9._:-]{8,128}$") String requestId,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "RFC 7386 merge patch from the entry's previous state to the new one, as "
                + "GET shows the entry (members without a value left out): the whole entry for a creation, absent for a deletion",
                maxProperties = 64) JsonNode patch) {

    /** Two slugs and a slash. */
    static final int KEY = 161;

    /** Who wrote a change, from the verified token. */
    @Schema(name = "ChangeActor")
    public record ChangeActor(
            @Schema(description = "The token's issuer: the federation member's realm", maxLength = 512) String issuer,
            @Schema(description = "The token's subject", maxLength = 255) String subject,
            @Schema(description = "The token's preferred_username, when it has one", maxLength = 255) String username,
            @Schema(description = "The token's org claim, when it has one", maxLength = 255) String org) {
    }
}

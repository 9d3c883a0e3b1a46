package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peer node this node follows, and how far it got. */
@Schema(name = "Peer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerView(
        @Schema(description = "The peer's name in the federation, the origin its mirrored entries show", maxLength = NODE,
                pattern = SLUG_PATTERN) String node,
        @Schema(description = "The base URL of its API", maxLength = URL, pattern = URL_PATTERN) String api,
        @Schema(description = "The id of the last change of its feed applied here; 0 before the first", minimum = "0",
                maximum = LONG_MAX) long cursor,
        @Schema(description = "When its feed was last read to the end; absent before the first time", implementation = String.class,
                format = "date-time", maxLength = DATE_TIME) Instant syncedAt,
        @Schema(description = "When this node last tried to read it", implementation = String.class, format = "date-time",
                maxLength = DATE_TIME) Instant attemptedAt,
        @Schema(description = "Why the last try failed; absent when it succeeded", maxLength = 500) String error,
        @Schema(description = "Its mirrored entries are stale: last synced longer ago than this node tolerates") boolean stale) {
}

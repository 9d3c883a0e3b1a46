package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an entry comes from: the catalog node that holds it and the federation member that
 * asserts it. An entry mirrored from a peer node also names its version there and when this node
 * last synced with that peer; it is stale when that is longer ago than the node tolerates.
 */
@Schema(name = "EntryOrigin", description = "Where an entry comes from: the catalog node that holds it and the federation member "
        + "that asserts it and answers for it. An entry mirrored from a peer node is read-only here.")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryOrigin(
        @Schema(description = "The catalog node whose member asserts the entry", examples = "sovereign", maxLength = NODE,
                pattern = SLUG_PATTERN)
        String node,
        @Schema(description = "The asserting member: the issuer of its realm", examples = "https://id.example.eu/realms/sovereign",
                maxLength = ISSUER, pattern = URL_PATTERN)
        String member,
        @Schema(description = "The member's organisation that asserted it; absent for entries of the member as a whole "
                + "(a node's seed)", examples = "demo-municipality", maxLength = ORGANISATION, pattern = SLUG_PATTERN)
        String organisation,
        @Schema(description = "True when the entry is mirrored from a peer node (read-only here)")
        boolean mirrored,
        @Schema(description = "A mirrored entry's version on its own node", minimum = "0", maximum = INT_MAX)
        Integer version,
        @Schema(description = "When this node last read the peer's change feed completely; absent before the first sync",
                implementation = String.class, format = "date-time", maxLength = DATE_TIME)
        Instant syncedAt,
        @Schema(description = "True when a mirrored entry was last synced longer ago than this node tolerates (the peer is "
                + "away or slow): it shows what the peer last said")
        boolean stale) {

    /** An entry of the node's own member. */
    public static EntryOrigin local(String node, String member, String organisation) {
        return new EntryOrigin(node, member, organisation, false, null, null, false);
    }
}

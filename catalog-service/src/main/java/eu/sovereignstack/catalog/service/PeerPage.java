package eu.sovereignstack.catalog.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of a peer node's change feed: its changes, the cursor to go on from and whether more follow now. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerPage(List<PeerChange> items, Long next, boolean more) {

    public PeerPage {
        items = items == null ? List.of() : items;
    }
}

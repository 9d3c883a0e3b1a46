package eu.sovereignstack.catalog.service;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change of a peer node's feed, as this node reads it: the members of the feed's Change it
 * needs (the actor and request id stay in the peer's own audit trail).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PeerChange(long id, String kind, String key, String operation, Integer version, Instant at, JsonNode patch) {
}

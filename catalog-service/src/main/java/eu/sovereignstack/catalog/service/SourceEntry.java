package eu.sovereignstack.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.catalog.domain.EntryKind;

/** One entry of a public reference source, as the API would show it: its kind, key and document. */
public record SourceEntry(EntryKind kind, String key, JsonNode document) {
}

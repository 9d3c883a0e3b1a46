package eu.sovereignstack.assessment.client;

import java.util.List;

/** One batch of inventory entries to match against the catalog. */
public record ResolveRequest(List<Item> items) {

    public record Item(String ref, String slug, String purl, String name) {
    }
}

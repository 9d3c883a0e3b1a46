package eu.sovereignstack.catalog.service;

import java.util.List;
import java.util.Map;

import eu.sovereignstack.catalog.contract.MatchedBy;
import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Product;

/**
 * What each inventory item was recognised as, and every product involved by slug, in the
 * order they were first involved.
 */
public record Resolution(List<Match> matches, Map<String, Involved> products) {

    /** An inventory item: the caller's ref and at least one of slug, Package URL and name. */
    public record Item(String ref, String slug, String purl, String name) {
    }

    /** The product an item was recognised as ({@code product} null when {@link MatchedBy#NONE}). */
    public record Match(String ref, String product, MatchedBy matchedBy) {
    }

    /**
     * A product of the resolution. The alternatives (their products fetched), the offerings
     * (provider fetched) and the open-source peers of its category are filled for matched
     * products only.
     */
    public record Involved(Product product, List<Alternative> alternatives, List<Offering> offerings,
            List<String> sameCategory) {
    }
}

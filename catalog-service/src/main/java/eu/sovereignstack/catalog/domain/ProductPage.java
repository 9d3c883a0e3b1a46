package eu.sovereignstack.catalog.domain;

import java.util.List;

/** One page of the products a search matches, and how many it matches in all. */
public record ProductPage(List<Product> items, long total) {
}

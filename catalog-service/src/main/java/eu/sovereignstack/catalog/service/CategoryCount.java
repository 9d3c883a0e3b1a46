package eu.sovereignstack.catalog.service;

import eu.sovereignstack.catalog.domain.Category;

/** A category and how many products it holds. */
public record CategoryCount(Category category, long productCount) {
}

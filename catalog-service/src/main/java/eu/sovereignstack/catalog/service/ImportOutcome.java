package eu.sovereignstack.catalog.service;

import java.util.List;

/** The slugs of an import's products, by what the import did to them. */
public record ImportOutcome(List<String> created, List<String> updated, List<String> unchanged) {
}

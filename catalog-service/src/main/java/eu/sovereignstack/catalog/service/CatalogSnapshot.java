package eu.sovereignstack.catalog.service;

import java.time.Instant;
import java.util.List;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Product;

/**
 * The whole catalog at one moment. The alternatives come with both their products fetched,
 * the offerings with their provider and product.
 */
public record CatalogSnapshot(
        Instant takenAt,
        String spdxLicenceListVersion,
        List<CategoryCount> categories,
        List<Product> products,
        List<Alternative> alternatives,
        List<ProviderCount> providers,
        List<Offering> offerings) {
}

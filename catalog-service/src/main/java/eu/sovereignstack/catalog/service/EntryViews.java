package eu.sovereignstack.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.Provider;

/**
 * An entry as clients read it, as JSON: what the change log compares before and after a write.
 * The REST layer, which alone knows the API's shapes, implements it.
 */
public interface EntryViews {

    JsonNode product(Product product);

    /** The provider without its offering count, which changes with its offerings' own records. */
    JsonNode provider(Provider provider);

    JsonNode offering(Offering offering);

    JsonNode alternative(Alternative alternative);
}

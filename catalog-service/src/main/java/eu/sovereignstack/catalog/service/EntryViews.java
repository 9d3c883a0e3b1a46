package eu.sovereignstack.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.OfferingFacts;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.domain.ProviderFacts;

/**
 * An entry as clients read it, as JSON: what the change log compares before and after a write;
 * and back, the facts of an entry as a peer node shows it, held to the limits of a client's input
 * (a 400 problem otherwise). The REST layer, which alone knows the API's shapes, implements it.
 */
public interface EntryViews {

    JsonNode product(Product product);

    /** The provider without its offering count, which changes with its offerings' own records. */
    JsonNode provider(Provider provider);

    JsonNode offering(Offering offering);

    JsonNode alternative(Alternative alternative);

    ProductFacts productFacts(JsonNode entry);

    ProviderFacts providerFacts(JsonNode entry);

    OfferingFacts offeringFacts(JsonNode entry);
}

package eu.sovereignstack.catalog.service;

import eu.sovereignstack.catalog.domain.ProductFacts;

/** A change to some facts of a product, applied while the product is locked (see {@link ProductService#patch}). */
public interface ProductChange {

    /** The version the change is based on; null when it names none. */
    Integer basedOn();

    /** The facts after the change, from the product's facts before it (which carry no version). */
    ProductFacts applyTo(ProductFacts current);
}

package eu.sovereignstack.catalog.contract;

/** How an inventory item was recognised as a catalog product, in the order they are tried. */
public enum MatchedBy {
    /** The item named the product's slug. */
    SLUG,
    /** The item's Package URL names one of the product's packages. */
    PURL,
    /** The item's name, normalised, equals the product's name, slug or an alias, possibly without a vendor word. */
    NAME,
    /** Not recognised. */
    NONE
}

package eu.sovereignstack.catalog.contract;

/** How much of what a product does its alternative covers. */
public enum AlternativeFit {
    FULL,
    PARTIAL
}

package eu.sovereignstack.catalog.domain;

/** How much of what a product does its alternative covers. */
public enum AlternativeFit {
    FULL,
    PARTIAL
}

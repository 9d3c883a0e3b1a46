package eu.sovereignstack.catalog.domain;

/**
 * A federation member as it asserts an entry: the issuer of its realm, and the organisation of
 * the editor who wrote it (null for entries of the member as a whole, such as a node's seed).
 */
public record Member(String issuer, String organisation) {
}

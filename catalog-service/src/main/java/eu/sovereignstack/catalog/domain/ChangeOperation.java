package eu.sovereignstack.catalog.domain;

/** What a write did to an entry. */
public enum ChangeOperation {
    CREATED,
    UPDATED,
    DELETED
}

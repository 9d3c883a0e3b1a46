package eu.sovereignstack.catalog.contract;

/** Software that an organisation can run itself, or a service that someone runs for it. */
public enum ProductKind {
    SOFTWARE,
    SERVICE
}

package eu.sovereignstack.catalog.domain;

/** What kind of cloud provider runs offerings. */
public enum ProviderType {
    HYPERSCALER,
    REGIONAL_CLOUD,
    DATACENTER_OPERATOR
}

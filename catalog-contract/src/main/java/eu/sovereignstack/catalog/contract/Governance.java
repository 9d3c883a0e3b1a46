package eu.sovereignstack.catalog.contract;

/** Who steers a product's development, from most to least independent of a single company. */
public enum Governance {
    /** A foundation with independent members (Apache, Eclipse, CNCF, OpenInfra, ...). */
    FOUNDATION,
    /** An open community without a dominant company. */
    COMMUNITY,
    /** Open source whose development one company controls. */
    SINGLE_VENDOR,
    /** A proprietary product of one company. */
    PROPRIETARY_VENDOR
}

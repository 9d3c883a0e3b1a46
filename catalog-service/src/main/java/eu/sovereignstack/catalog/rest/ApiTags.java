package eu.sovereignstack.catalog.rest;

/** OpenAPI tag names, one per resource. */
public final class ApiTags {

    public static final String PRODUCTS = "Products";
    public static final String ALTERNATIVES = "Alternatives";
    public static final String REFERENCE = "Reference data";
    public static final String PROVIDERS = "Providers and offerings";
    public static final String TRANSFER = "Import and export";
    public static final String RESOLVE = "Inventory resolution";
    public static final String CHANGES = "Changes";

    private ApiTags() {
    }
}

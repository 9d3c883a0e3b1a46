package eu.sovereignstack.catalog.rest;

/** Realm roles of the sovereign realm that this service checks. */
public final class Roles {

    public static final String VIEWER = "catalog-viewer";
    public static final String EDITOR = "catalog-editor";

    private Roles() {
    }
}

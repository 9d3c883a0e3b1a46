package eu.sovereignstack.catalog.rest;

/** Realm roles of the sovereign realm that this service checks. */
public final class Roles {

    public static final String VIEWER = "catalog-viewer";
    public static final String EDITOR = "catalog-editor";
    /** Reads the change feed and the histories: auditors, and the service clients of the federation's catalog nodes. */
    public static final String AUDITOR = "catalog-auditor";

    private Roles() {
    }
}

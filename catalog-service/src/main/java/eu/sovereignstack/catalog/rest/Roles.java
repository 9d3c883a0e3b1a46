package eu.sovereignstack.catalog.rest;

/** Realm roles of the sovereign realm that this service checks. */
public final class Roles {

    public static final String VIEWER = "catalog-viewer";
    public static final String EDITOR = "catalog-editor";
    /** Reads the change feed and the histories: auditors, and the service clients of the federation's catalog nodes. */
    public static final String AUDITOR = "catalog-auditor";
    /** Operates the node: moderates any entry, imports public reference sources (only the node's own realm's). */
    public static final String ADMIN = "platform-admin";

    private Roles() {
    }
}

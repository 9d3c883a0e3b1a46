package eu.sovereignstack.assessment.rest;

/** Realm roles of the sovereign realm that this service checks. */
public final class Roles {

    public static final String ASSESSOR = "assessor";
    public static final String ORG_ADMIN = "org-admin";

    private Roles() {
    }
}

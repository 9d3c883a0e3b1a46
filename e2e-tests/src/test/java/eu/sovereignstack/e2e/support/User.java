package eu.sovereignstack.e2e.support;

/**
 * The demo users of the two realms (deploy/keycloak); each one's password is its username
 * followed by {@code -demo}.
 */
public enum User {
    VIEWER(Realm.SOVEREIGN, "viewer"),
    EDITOR(Realm.SOVEREIGN, "editor"),
    ASSESSOR(Realm.SOVEREIGN, "assessor"),
    ORG_ADMIN(Realm.SOVEREIGN, "orgadmin"),
    PLATFORM_ADMIN(Realm.SOVEREIGN, "platformadmin"),
    AGENCY_ASSESSOR(Realm.SOVEREIGN, "agency-assessor"),
    AGENCY_ADMIN(Realm.SOVEREIGN, "agency-admin"),
    PARTNER_VIEWER(Realm.PARTNER, "partner-viewer"),
    PARTNER_EDITOR(Realm.PARTNER, "partner-editor"),
    PARTNER_ASSESSOR(Realm.PARTNER, "partner-assessor"),
    PARTNER_ADMIN(Realm.PARTNER, "partner-admin");

    private final String realm;
    private final String username;

    User(String realm, String username) {
        this.realm = realm;
        this.username = username;
    }

    public String realm() {
        return realm;
    }

    public String username() {
        return username;
    }

    String password() {
        return username + "-demo";
    }

    /** The realms the services trust. */
    public static final class Realm {
        public static final String SOVEREIGN = "sovereign";
        public static final String PARTNER = "sovereign-partner";

        private Realm() {
        }
    }
}

package eu.sovereignstack.assessment.service;

/**
 * Who is asking: the tenant their data belongs to (token issuer + org claim, so the same org
 * name in two federation realms stays two tenants) and who they are, for the record.
 */
public record Caller(String issuer, String organisation, String user) {

    public String tenant() {
        return issuer + "|" + organisation;
    }
}

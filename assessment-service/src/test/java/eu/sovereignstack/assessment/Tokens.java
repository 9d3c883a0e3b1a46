package eu.sovereignstack.assessment;

import eu.sovereignstack.testsupport.TestTokens;

/** Tokens of the demo organisations, for the assessment-service's audience. */
public final class Tokens {

    public static final TestTokens ASSESSMENT = TestTokens.forAudience("assessment-service", "catalog-service");

    static {
        // Every answer the tests get is checked against the published OpenAPI document.
        eu.sovereignstack.testsupport.ContractValidation.install();
    }
    public static final String MUNICIPALITY = "demo-municipality";
    public static final String AGENCY = "demo-agency";

    private Tokens() {
    }

    public static String assessor() {
        return ASSESSMENT.token("assessor", MUNICIPALITY, "assessor", "catalog-viewer");
    }

    public static String orgAdmin() {
        return ASSESSMENT.token("orgadmin", MUNICIPALITY, "org-admin", "assessor", "catalog-viewer");
    }

    public static String otherOrgAssessor() {
        return ASSESSMENT.token("agency-assessor", AGENCY, "assessor", "catalog-viewer");
    }

    public static String otherOrgAdmin() {
        return ASSESSMENT.token("agency-admin", AGENCY, "org-admin", "assessor", "catalog-viewer");
    }

    /** Same user name and org as {@link #assessor()}, but of the partner realm: another tenant. */
    public static String partnerAssessor() {
        return ASSESSMENT.fromPartner().token("assessor", MUNICIPALITY, "assessor", "catalog-viewer");
    }

    public static String partnerAdmin() {
        return ASSESSMENT.fromPartner().token("orgadmin", MUNICIPALITY, "org-admin", "assessor", "catalog-viewer");
    }

    public static String viewer() {
        return ASSESSMENT.token("viewer", MUNICIPALITY, "catalog-viewer");
    }
}

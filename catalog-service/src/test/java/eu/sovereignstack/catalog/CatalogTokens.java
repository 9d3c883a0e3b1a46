package eu.sovereignstack.catalog;

import eu.sovereignstack.testsupport.TestTokens;

/** Tokens for the catalog-service's audience, with the catalog roles; and the ones it must refuse. */
public final class CatalogTokens {

    private static final TestTokens TOKENS = TestTokens.forAudience("catalog-service");

    static {
        // Every answer the tests get is checked against the published OpenAPI document.
        eu.sovereignstack.testsupport.ContractValidation.install();
    }
    private static final String ORG = "demo-municipality";

    private CatalogTokens() {
    }

    public static String viewer() {
        return token("viewer", "catalog-viewer");
    }

    public static String editor() {
        return token("editor", "catalog-editor", "catalog-viewer");
    }

    /** A viewer of the second federation member's realm. */
    public static String partnerViewer() {
        return TOKENS.fromPartner().token("viewer", ORG, "catalog-viewer");
    }

    public static String token(String user, String... roles) {
        return TOKENS.token(user, ORG, roles);
    }

    public static String expired() {
        return TOKENS.expired("viewer", ORG, "catalog-viewer");
    }

    public static String wrongAudience() {
        return TOKENS.wrongAudience("viewer", ORG, "catalog-viewer");
    }

    public static String wrongIssuer() {
        return TOKENS.wrongIssuer("viewer", ORG, "catalog-viewer");
    }

    /** Every token the catalog must refuse although it looks like one of ours. */
    public static java.util.List<String> forged() {
        return java.util.List.of(TOKENS.notYetValid("viewer", ORG, "catalog-viewer"), TOKENS.unsigned("viewer", ORG, "catalog-viewer"),
                TOKENS.hs256WithPublicKey("viewer", ORG, "catalog-viewer"), TOKENS.unknownKey("viewer", ORG, "catalog-viewer"));
    }

    public static String tamperedSignature() {
        return TOKENS.tamperedSignature("viewer", ORG, "catalog-viewer");
    }
}

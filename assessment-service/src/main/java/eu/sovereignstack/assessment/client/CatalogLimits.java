package eu.sovereignstack.assessment.client;

/**
 * The catalog-service's documented maximums (its {@code ApiLimits}), which bound the catalog
 * facts this service receives, keeps with an assessment and shows again.
 */
public final class CatalogLimits {

    public static final int SLUG = 80;
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int NAME = 120;
    public static final int CATEGORY = 40;
    public static final int LICENCE = 500;
    public static final int LICENCE_ID = 100;
    public static final int LICENCE_IDS = 100;
    public static final int DEPLOYMENT_MODELS = 3;
    public static final int STANDARD = 40;
    public static final int STANDARDS = 30;
    public static final int CERTIFICATION = 60;
    public static final int CERTIFICATIONS = 20;
    public static final int DATA_LOCATIONS = 60;
    public static final int URL = 500;
    public static final String URL_PATTERN = "^https?://[^\\s]+$";
    public static final int NOTES = 1000;
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    public static final int RELEASE_VERSION = 40;
    public static final int CONTRIBUTING_ORGANISATIONS = 1_000_000;
    /** What can replace a product, who runs it, its category peers: not capped by the catalog. */
    public static final int UNPAGED = Integer.MAX_VALUE;

    private CatalogLimits() {
    }
}

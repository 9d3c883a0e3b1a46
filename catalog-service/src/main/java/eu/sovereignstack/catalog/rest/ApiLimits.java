package eu.sovereignstack.catalog.rest;

/**
 * The documented maximums of the API, in one place: the validation annotations, the OpenAPI
 * document and the README all quote these.
 */
public final class ApiLimits {

    public static final int SLUG = 80;
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int NAME = 120;
    public static final int DESCRIPTION = 2000;
    public static final int LICENCE = 500;
    public static final int URL = 500;
    public static final String URL_PATTERN = "^https?://[^\\s]+$";
    public static final String COUNTRY_PATTERN = "^[A-Z]{2}$";
    public static final int CATEGORY = 40;
    public static final int STANDARD = 40;
    public static final int STANDARDS = 30;
    public static final int CERTIFICATION = 60;
    public static final int CERTIFICATIONS = 20;
    public static final int DATA_LOCATIONS = 60;
    public static final int NOTES = 1000;
    public static final int RELEASE_VERSION = 40;
    public static final int QUERY_TEXT = 100;
    public static final int PAGE_SIZE_DEFAULT = 20;
    public static final int PAGE_SIZE_MAX = 100;
    public static final int PAGE_MAX = 10_000;
    public static final int IMPORT_PRODUCTS = 500;
    public static final int PURLS = 20;
    public static final int PURL = 300;
    public static final int ALIASES = 20;
    public static final int ALIAS = 120;
    public static final int RESOLVE_ITEMS = 1000;
    public static final int RESOLVE_REF = 200;
    public static final int RESOLVE_NAME = 200;
    public static final int RESOLVE_PURL = 500;
    /** No control characters (line breaks included) in single-line text. */
    public static final String SINGLE_LINE = "^[^\\p{Cc}]*$";
    /** Free text may hold line breaks and tabs, but no other control characters. */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    private ApiLimits() {
    }
}

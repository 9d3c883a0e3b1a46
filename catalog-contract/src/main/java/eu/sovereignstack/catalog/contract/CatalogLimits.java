package eu.sovereignstack.catalog.contract;

import eu.sovereignstack.common.api.PageView;
import eu.sovereignstack.common.api.TextPatterns;

/**
 * The documented maximums of the API, in one place: the validation annotations, the OpenAPI
 * document and the README all quote these. What the API returns is bounded by them too: it
 * echoes what was written under these limits, and the columns of the database have the same
 * sizes. Categories are written by migrations only, which keep to these limits; products,
 * providers and offerings are written through the API under them. Services that read the catalog quote them from here too, so
 * that their documents state the same bounds as the catalog's.
 */
public final class CatalogLimits {

    public static final int SLUG = 80;
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int NAME = 120;
    public static final int DESCRIPTION = 2000;
    public static final int LICENCE = 500;
    /** A licence id of an expression (licence_ids varchar(100)[]). */
    public static final int LICENCE_ID = 100;
    /**
     * Distinct licence ids in one expression: each takes at least two characters and an operator
     * of four (" OR "), so an expression of {@link #LICENCE} characters names fewer than 100.
     */
    public static final int LICENCE_IDS = 100;
    /** Full licence names: the SPDX License List's longest is under 100, an unlisted id's is the id. */
    public static final int LICENCE_NAME = 200;
    /** Version of the SPDX License List, e.g. 3.25. */
    public static final int LICENCE_LIST_VERSION = 20;
    public static final int URL = 500;
    /** http(s), then no space and no control character (C0, DEL, C1), in syntax ECMA-262 clients read too. */
    public static final String URL_PATTERN = "^https?://[^\\x00-\\x20\\x7F-\\x9F]+$";
    public static final String COUNTRY_PATTERN = "^[A-Z]{2}$";
    public static final int COUNTRY = 2;
    public static final int CATEGORY = 40;
    /** Other members' assertions of one product shown beside it. */
    public static final int ASSERTIONS = 50;
    /** A catalog node's name in the federation. */
    public static final int NODE = 63;
    /** A federation member's issuer (its realm's URL). */
    public static final int ISSUER = 255;
    /** An organisation id (the "org" claim). */
    public static final int ORGANISATION = 63;
    public static final int CATEGORY_NAME = 80;
    public static final int CATEGORY_DESCRIPTION = 500;
    /** Deployment models a product lists: each of the three at most once. */
    public static final int DEPLOYMENT_MODELS = 3;
    public static final int STANDARD = 40;
    public static final int STANDARDS = 30;
    public static final int CERTIFICATION = 60;
    public static final int CERTIFICATIONS = 20;
    public static final int DATA_LOCATIONS = 60;
    public static final int NOTES = 1000;
    public static final int RELEASE_VERSION = 40;
    public static final int CONTRIBUTING_ORGANISATIONS = 1_000_000;
    /** Releases and distinct contributors counted over the last twelve months. */
    public static final int RELEASES_PER_YEAR = 100_000;
    public static final int CONTRIBUTORS_PER_YEAR = 1_000_000;
    /** An evidence's source: a URL, or a dataset with its version. */
    public static final int EVIDENCE_SOURCE = 500;
    /** Words quoted exactly from a source. */
    public static final int EVIDENCE_EXCERPT = 500;
    /** Who asserted a fact: a person, an organisation or a catalog node. */
    public static final int EVIDENCE_ASSERTED_BY = 120;
    /** Facts with evidence per entry: at most one evidence per fact an entry can have. */
    public static final int EVIDENCE_FACTS = 16;
    /** The name of a fact an evidence is about, e.g. {@code licence}. */
    public static final int FACT_NAME = 40;
    public static final String FACT_NAME_PATTERN = "^[a-z][A-Za-z]*$";
    public static final int QUERY_TEXT = 100;
    public static final int PAGE_SIZE_DEFAULT = 20;
    public static final int PAGE_SIZE_MAX = PageView.MAX_SIZE;
    public static final int PAGE_MAX = PageView.MAX_PAGE;
    public static final int IMPORT_PRODUCTS = 500;
    public static final int PURLS = 20;
    public static final int PURL = 300;
    public static final int ALIASES = 20;
    public static final int ALIAS = 120;
    /**
     * Items of one resolve request. Its answer holds one match per item and each product involved
     * once: the matched ones, their alternatives and open category peers, and the product each of
     * these is based on; so never more products than the catalog holds.
     */
    public static final int RESOLVE_ITEMS = 1000;
    public static final int RESOLVE_REF = 200;
    public static final int RESOLVE_NAME = 200;
    public static final int RESOLVE_PURL = 500;
    /**
     * Lists the API does not page because they hold whole tables (categories, licences,
     * providers, the export) or everything related to one product: no cap but a Java list's.
     */
    public static final int UNPAGED = Integer.MAX_VALUE;
    /** Counts and versions: no bound but their Java type's. */
    public static final String INT_MAX = "" + Integer.MAX_VALUE;
    public static final String LONG_MAX = "" + Long.MAX_VALUE;
    /** The longest ISO-8601 texts of a Java LocalDate (+999999999-12-31) and Instant. */
    public static final int DATE = 16;
    public static final int DATE_TIME = 37;
    /** Single-line text: no control characters, line breaks included. */
    public static final String SINGLE_LINE = TextPatterns.SINGLE_LINE;
    /** Free text may hold line breaks and tabs, but no other control characters. */
    public static final String MULTI_LINE = TextPatterns.MULTI_LINE;

    private CatalogLimits() {
    }
}

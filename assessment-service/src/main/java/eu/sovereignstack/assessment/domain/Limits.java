package eu.sovereignstack.assessment.domain;

import eu.sovereignstack.common.api.TextPatterns;

/**
 * The documented maximums of an inventory, quoted by validation, OpenAPI and the README; and
 * the bounds of what an assessment returns, which follow from them (see the comments).
 */
public final class Limits {

    public static final int ITEMS = 100_000;
    public static final int ID = 200;
    public static final int NAME = 200;
    public static final int SLUG = 80;
    public static final int PURL = 500;
    public static final int VERSION = 100;
    public static final int LICENCE = 500;
    public static final int DEPENDS_ON = 200;
    public static final int COUNTRIES = 60;
    public static final int SECTOR = 100;
    public static final String COUNTRY = "^[A-Z]{2}$";
    public static final int COUNTRY_CODE = 2;
    /** Single-line text: no control characters, line breaks included. */
    public static final String SINGLE_LINE = TextPatterns.SINGLE_LINE;
    /** A scoring profile id (scoring_profile.id varchar(40)). */
    public static final int PROFILE = 40;
    /** A version of the rules: 12 hexadecimal digits ({@code RulesVersion}). */
    public static final int RULES_VERSION = 12;
    /** Who created an assessment: the token's preferred_username or subject (created_by varchar(200)). */
    public static final int USER = 200;
    /** 1-128 visible ASCII characters, as {@code IdempotencyKey.PATTERN} says. */
    public static final int IDEMPOTENCY_KEY = 128;
    /** An inventory file, at most quarkus.http.limits.max-body-size (64M) bytes, so at most as many characters. */
    public static final int FILE = 64 * 1024 * 1024;

    // ---- What an assessment returns -----------------------------------------------------------

    /** The objectives of the framework, SOV-1 to SOV-8. */
    public static final int OBJECTIVES = 8;
    /** An objective's weight in a scoring profile, in percent. */
    public static final int WEIGHT = 100;
    /** A finding per rule plus one per objective an unknown fact caps ({@code SovereigntyRule}, {@code UnknownFact}). */
    public static final int FINDINGS = 60;
    /** Finding codes, the names of rules and unknown facts. */
    public static final int FINDING_CODE = 40;
    public static final String FINDING_CODE_PATTERN = "^[A-Z_]+$";
    /** The unknown facts, one phrase each ({@code UnknownFact}). */
    public static final int UNKNOWNS = 12;
    public static final int UNKNOWN = 100;
    /**
     * A sentence the service writes about an item or an option: a template of at most a few
     * hundred characters with an item's or a product's name, a country or a provider in it.
     */
    public static final int SENTENCE = 1000;
    /** The facts a finding rests on, and their texts: a fact's name, whose it is, its value, its source. */
    public static final int FINDING_FACTS = 8;
    public static final int FACT = 40;
    public static final int FACT_ABOUT = 200;
    public static final int FACT_VALUE = 1000;
    public static final int FACT_SOURCE = 500;
    /** Why an item gets its plan: two reasons and one per effort adjustment (five). */
    public static final int PLAN_REASONS = 7;
    /** Why an option ranks where it does: its fit, its score, the standards it shares, how it runs and its other way. */
    public static final int OPTION_REASONS = 5;
    /** Ranked alternatives shown per item ({@code engine.rules.RankingWeight.SHOWN}). */
    public static final int ALTERNATIVES = 10;
    /** Effort points of the largest size ({@code Effort.EXTRA_LARGE}). */
    public static final int EFFORT_POINTS = 8;
    /**
     * Licence issues: one per item whose licence cannot be read, one per dependency, one network
     * copyleft obligation per item. The reason of an issue quotes the licence expressions and the
     * OSADL explanations of every pair of licences that decides it, so it has no bound but a
     * Java string's.
     */
    public static final int LICENCE_ISSUES = ITEMS * (DEPENDS_ON + 2);
    /** The items of an issue: the including one, then the included one. */
    public static final int ISSUE_ITEMS = 2;
    public static final int LICENCE_ISSUE_REASON = Integer.MAX_VALUE;
    /** Scoring profiles come by migration: name varchar(120), description varchar(500), framework_version varchar(20). */
    public static final int PROFILE_NAME = 120;
    public static final int PROFILE_DESCRIPTION = 500;
    public static final int FRAMEWORK_VERSION = 20;
    /** The scoring profiles are listed whole, not paged: no cap but a Java list's. */
    public static final int PROFILES = Integer.MAX_VALUE;
    /** The CSV and Markdown exports grow with the assessment: no bound but a Java string's. */
    public static final int EXPORT = Integer.MAX_VALUE;
    /** The longest ISO-8601 texts of a Java LocalDate (+999999999-12-31) and Instant, and a UUID. */
    public static final int DATE = 16;
    public static final int DATE_TIME = 37;
    public static final int UUID = 36;
    public static final String INT_MAX = "" + Integer.MAX_VALUE;

    private Limits() {
    }
}

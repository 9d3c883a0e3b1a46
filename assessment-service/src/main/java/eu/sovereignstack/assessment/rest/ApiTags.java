package eu.sovereignstack.assessment.rest;

/** OpenAPI tag names. */
public final class ApiTags {

    public static final String ASSESSMENTS = "Assessments";
    public static final String EXPORTS = "Exports";
    public static final String PROFILES = "Scoring profiles";

    private ApiTags() {
    }
}

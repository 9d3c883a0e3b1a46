package eu.sovereignstack.assessment.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.service.IdempotencyKey;

/**
 * What a file inventory (CSV or SBOM) cannot say itself: the organisation, the assessment's name,
 * profile, threshold and policy gate, given as query parameters, and the idempotency key.
 */
public class FileAssessmentParams {

    static final String MINIMUM_SEAL_PATTERN = "^(SOV-[1-8]:[0-4])(,SOV-[1-8]:[0-4]){0,7}$";
    /** "SOV-n:m" for each objective at most, separated by commas. */
    static final int MINIMUM_SEAL_LENGTH = 8 * Limits.OBJECTIVES - 1;
    static final String IDEMPOTENCY_DESCRIPTION = "Makes the request safe to retry: a retry with the same key and "
            + "the same request gets the assessment the first one created (201, Idempotent-Replayed: true) and computes "
            + "nothing; another request with the key is a 422. 1-128 visible ASCII characters, unique per organisation.";
    static final String IDEMPOTENCY_MESSAGE = "must be 1-128 visible ASCII characters";

    @Parameter(description = IDEMPOTENCY_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
            pattern = IdempotencyKey.PATTERN, maxLength = Limits.IDEMPOTENCY_KEY))
    @HeaderParam(IdempotencyKey.HEADER)
    @Pattern(regexp = IdempotencyKey.PATTERN, message = IDEMPOTENCY_MESSAGE)
    public String idempotencyKey;

    @Parameter(description = AssessmentResource.PREFER_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
            maxLength = AssessmentResource.PREFER_LENGTH))
    @HeaderParam("Prefer")
    @Size(max = AssessmentResource.PREFER_LENGTH)
    public String prefer;

    @Parameter(description = "The organisation's name: required for a CSV inventory; for an SBOM, its metadata's "
            + "manufacturer or supplier is used when absent", schema = @Schema(type = SchemaType.STRING, maxLength = Limits.NAME,
            pattern = Limits.SINGLE_LINE))
    @QueryParam("organisation")
    @Size(max = Limits.NAME)
    @Pattern(regexp = Limits.SINGLE_LINE)
    public String organisation;

    @Parameter(description = "The organisation's sector, e.g. public-administration", schema = @Schema(type = SchemaType.STRING,
            maxLength = Limits.SECTOR, pattern = Limits.SINGLE_LINE))
    @QueryParam("sector")
    @Size(max = Limits.SECTOR)
    @Pattern(regexp = Limits.SINGLE_LINE)
    public String sector;

    @Parameter(description = "The organisation's country (ISO 3166-1 alpha-2)", schema = @Schema(type = SchemaType.STRING,
            pattern = Limits.COUNTRY, maxLength = Limits.COUNTRY_CODE))
    @QueryParam("country")
    @Pattern(regexp = Limits.COUNTRY)
    public String country;

    @Parameter(description = "The assessment's name; the organisation's by default", schema = @Schema(type = SchemaType.STRING,
            maxLength = Limits.NAME, pattern = Limits.SINGLE_LINE))
    @QueryParam("name")
    @Size(max = Limits.NAME)
    @Pattern(regexp = Limits.SINGLE_LINE)
    public String name;

    @Parameter(description = "A scoring profile id (GET /api/v1/scoring-profiles); eu-csf-1.2.1 by default",
            schema = @Schema(type = SchemaType.STRING, maxLength = Limits.PROFILE))
    @QueryParam("profile")
    @Size(max = Limits.PROFILE)
    public String profile;

    /** Read as text: JAX-RS answers a number that does not parse with a bare 404. */
    @Parameter(description = "The score under which an item is replaced (0-100, 70 by default)",
            schema = @Schema(type = SchemaType.NUMBER, format = "double", minimum = "0", maximum = "100"))
    @QueryParam("threshold")
    public String threshold;

    @Parameter(description = "Policy gate: the minimum SEAL per objective, e.g. SOV-2:3,SOV-3:3", schema = @Schema(
            type = SchemaType.STRING, pattern = MINIMUM_SEAL_PATTERN, maxLength = MINIMUM_SEAL_LENGTH))
    @QueryParam("minimumSeal")
    @Pattern(regexp = MINIMUM_SEAL_PATTERN, message = "must look like SOV-2:3,SOV-3:3")
    public String minimumSeal;
}

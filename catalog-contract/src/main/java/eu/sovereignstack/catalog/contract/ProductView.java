package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.common.licence.LicenceFamily;

/**
 * A product as the API shows it, with the facts derived from what was written. Its facts are
 * bounded as the catalog's product input bounds them when they are written. Readers ignore
 * members they do not know, so the catalog can add facts without breaking them.
 */
@Schema(name = "Product")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductView(
        @Schema(maxLength = SLUG, pattern = SLUG_PATTERN)
        String slug,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE)
        String name,
        ProductKind kind,
        @Schema(description = ProductView.BASED_ON_DESCRIPTION, examples = "kubernetes", maxLength = SLUG, pattern = SLUG_PATTERN)
        String basedOn,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = ProductView.DELIVERY_DESCRIPTION)
        Delivery delivery,
        @Schema(maxLength = CATEGORY, pattern = SLUG_PATTERN)
        String category,
        @Schema(maxLength = DESCRIPTION, pattern = MULTI_LINE)
        String description,
        Steward steward,
        @Schema(description = "SPDX licence expression", examples = "AGPL-3.0-or-later", maxLength = LICENCE)
        String licence,
        @Schema(description = "The licence ids in the expression (derived)", maxItems = LICENCE_IDS)
        List<@Size(max = LICENCE_ID) String> licenceIds,
        @Schema(description = "Licence family of the expression as a whole (derived)")
        LicenceFamily licenceFamily,
        @Schema(description = "Usable under an OSI-approved or FSF-libre licence (derived)")
        boolean openSource,
        Governance governance,
        @Schema(maxItems = DEPLOYMENT_MODELS)
        List<DeploymentModel> deploymentModels,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Open standards, protocols and open APIs it speaks; empty when it speaks none, "
                + "absent when unknown", maxItems = STANDARDS)
        List<@Size(max = STANDARD) @Pattern(regexp = SINGLE_LINE) String> standards,
        @Schema(maxItems = CERTIFICATIONS)
        List<@Size(max = CERTIFICATION) @Pattern(regexp = SINGLE_LINE) String> certifications,
        @Schema(type = SchemaType.ARRAY, implementation = CountryCode.class, maxItems = DATA_LOCATIONS)
        List<String> dataLocations,
        @Schema(description = "Who controls the steward (its ultimate parent when known) and every data location are in the "
                + "EU/EEA (derived)")
        boolean euJurisdiction,
        @Schema(maxLength = URL, pattern = URL_PATTERN)
        String website,
        @Schema(maxLength = URL, pattern = URL_PATTERN)
        String sourceRepository,
        @Schema(description = "Package URLs of its packages and images, without version", maxItems = PURLS)
        List<@Size(max = PURL) @Pattern(regexp = SINGLE_LINE) String> purls,
        @Schema(description = "Other names inventories use for it", maxItems = ALIASES)
        List<@Size(max = ALIAS) @Pattern(regexp = SINGLE_LINE) String> aliases,
        Health health,
        @Schema(implementation = String.class, format = "date", maxLength = DATE)
        LocalDate factsAsOf,
        @Schema(description = "The evidence of each fact, by fact name: " + ProductView.FACTS, maxProperties = EVIDENCE_FACTS)
        Map<String, Evidence> evidence,
        @Schema(implementation = String.class, format = "date-time", maxLength = DATE_TIME)
        Instant createdAt,
        @Schema(implementation = String.class, format = "date-time", maxLength = DATE_TIME)
        Instant updatedAt,
        @Schema(description = "Optimistic-locking version, also sent as the ETag", minimum = "0", maximum = INT_MAX)
        int version,
        EntryOrigin origin,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = ProductView.ASSERTIONS_DESCRIPTION, maxItems = ASSERTIONS)
        List<ProductView> assertions) {

    /** The facts a product's evidence can be about. */
    public static final String FACTS = "entry, licence, steward, ultimateParent, governance, standards, certifications, "
            + "dataLocations, health, basedOn, delivery";

    /** What {@code basedOn} means, for the product's input and output alike. */
    public static final String BASED_ON_DESCRIPTION = "Slug of the open-source SOFTWARE product this SERVICE is a provider's "
            + "managed run of (e.g. a certified hosted Kubernetes runs kubernetes): the service keeps that product's licence, "
            + "standards and portability, and what the provider adds is the provider's. Only a SERVICE has one; null when "
            + "not known or not based on an open product. A resolve answer always carries the base product too.";

    /** What {@code assertions} are. */
    public static final String ASSERTIONS_DESCRIPTION = "The same product as other federation members assert it, side by side with "
            + "this entry: each is the whole product with that member's facts (facts it does not state are this entry's) and "
            + "its origin. Absent when no other member asserts facts about it. Shown by GET /products/{slug} and in resolve "
            + "answers; an assessment uses its own member's assertion first, else the one with the most recent factsAsOf.";

    /** What {@code delivery} means, for the product's input and output alike. */
    public static final String DELIVERY_DESCRIPTION = "How this SOFTWARE reaches its users: DEVICE when it is installed and "
            + "run on each user's device (a desktop or mobile application, or a device operating system; no shared server), "
            + "SERVER when it is a shared server application that the organisation or a provider runs and people use over "
            + "the network, in a browser or a client. A desktop application does not replace a server one: it delivers "
            + "something else. Only SOFTWARE has one (a SERVICE is delivered over the network by its vendor); absent "
            + "when not known.";

    /**
     * A reader may leave out a list; it reads as empty, never null. Standards are the exception:
     * absent means unknown, empty means none.
     */
    public ProductView {
        licenceIds = licenceIds == null ? List.of() : licenceIds;
        deploymentModels = deploymentModels == null ? List.of() : deploymentModels;
        evidence = evidence == null ? Map.of() : evidence;
        certifications = certifications == null ? List.of() : certifications;
        dataLocations = dataLocations == null ? List.of() : dataLocations;
        purls = purls == null ? List.of() : purls;
        aliases = aliases == null ? List.of() : aliases;
        assertions = assertions == null ? List.of() : assertions;
    }

    /** This product with other members' assertions beside it. */
    public ProductView withAssertions(List<ProductView> others) {
        return new ProductView(slug, name, kind, basedOn, delivery, category, description, steward, licence, licenceIds, licenceFamily,
                openSource, governance, deploymentModels, standards, certifications, dataLocations, euJurisdiction, website,
                sourceRepository, purls, aliases, health, factsAsOf, evidence, createdAt, updatedAt, version, origin, others);
    }
}

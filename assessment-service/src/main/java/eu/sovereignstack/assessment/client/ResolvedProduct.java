package eu.sovereignstack.assessment.client;

import static eu.sovereignstack.assessment.client.CatalogLimits.*;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.CountryCode;
import eu.sovereignstack.assessment.domain.Limits;

/** A product with what the catalog knows around it: what can replace it and who runs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedProduct(
        CatalogProduct product,
        @Schema(maxItems = UNPAGED) List<AlternativeRef> alternatives,
        @Schema(maxItems = UNPAGED) List<Offering> offerings,
        @Schema(maxItems = UNPAGED) List<@Size(max = SLUG) @Pattern(regexp = SLUG_PATTERN) String> sameCategory) {

    public ResolvedProduct {
        alternatives = alternatives == null ? List.of() : alternatives;
        offerings = offerings == null ? List.of() : offerings;
        sameCategory = sameCategory == null ? List.of() : sameCategory;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlternativeRef(
            @Schema(maxLength = SLUG, pattern = SLUG_PATTERN) String product,
            @Schema(enumeration = {"FULL", "PARTIAL"}) String fit,
            @Schema(maxLength = NOTES, pattern = MULTI_LINE) String notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offering(
            @Schema(maxLength = SLUG, pattern = SLUG_PATTERN) String provider,
            @Schema(maxLength = NAME, pattern = Limits.SINGLE_LINE) String providerName,
            @Schema(maxLength = Limits.COUNTRY_CODE, pattern = Limits.COUNTRY) String providerCountry,
            boolean providerEuJurisdiction,
            @Schema(maxItems = CERTIFICATIONS)
            List<@Size(max = CERTIFICATION) @Pattern(regexp = Limits.SINGLE_LINE) String> providerCertifications,
            @Schema(maxLength = NAME, pattern = Limits.SINGLE_LINE) String name,
            @Schema(type = SchemaType.ARRAY, implementation = CountryCode.class, maxItems = DATA_LOCATIONS) List<String> countries) {

        public Offering {
            providerCertifications = providerCertifications == null ? List.of() : providerCertifications;
            countries = countries == null ? List.of() : countries;
        }
    }
}

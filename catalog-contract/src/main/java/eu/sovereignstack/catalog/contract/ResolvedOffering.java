package eu.sovereignstack.catalog.contract;

import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATION;
import static eu.sovereignstack.catalog.contract.CatalogLimits.CERTIFICATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY;
import static eu.sovereignstack.catalog.contract.CatalogLimits.COUNTRY_PATTERN;
import static eu.sovereignstack.catalog.contract.CatalogLimits.DATA_LOCATIONS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.EVIDENCE_FACTS;
import static eu.sovereignstack.catalog.contract.CatalogLimits.NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SINGLE_LINE;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG;
import static eu.sovereignstack.catalog.contract.CatalogLimits.SLUG_PATTERN;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A managed offering of a resolved product, with the provider facts that decide its jurisdiction. */
@Schema(name = "ResolvedOffering")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedOffering(
        @Schema(description = "Slug of the provider", maxLength = SLUG, pattern = SLUG_PATTERN) String provider,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String providerName,
        @Schema(description = "Home country of the provider, ISO 3166-1 alpha-2", maxLength = COUNTRY, pattern = COUNTRY_PATTERN)
        String providerCountry,
        @Schema(description = "The provider's home country is in the EU/EEA") boolean providerEuJurisdiction,
        @Schema(maxItems = CERTIFICATIONS)
        List<@Size(max = CERTIFICATION) @Pattern(regexp = SINGLE_LINE) String> providerCertifications,
        @Schema(maxLength = NAME, pattern = SINGLE_LINE) String name,
        @Schema(description = "Countries the offering runs in", type = SchemaType.ARRAY, implementation = CountryCode.class,
                maxItems = DATA_LOCATIONS)
        List<String> countries,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who controls the provider in the end; absent when unknown") UltimateParent providerUltimateParent,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The provider's energy facts; absent when none is known") Energy providerEnergy,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The strongest key option of the offering; absent when unknown") KeyCustody keyCustody,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Keys kept in a hardware security module; absent when unknown") Boolean hsm,
        @Schema(description = "Evidence of the provider's facts, by fact name", maxProperties = EVIDENCE_FACTS)
        Map<String, Evidence> providerEvidence,
        @Schema(description = "Evidence of the offering's facts, by fact name", maxProperties = EVIDENCE_FACTS)
        Map<String, Evidence> evidence) {

    /** A reader may leave out a list or a map; it reads as empty, never null. */
    public ResolvedOffering {
        providerCertifications = providerCertifications == null ? List.of() : providerCertifications;
        countries = countries == null ? List.of() : countries;
        providerEvidence = providerEvidence == null ? Map.of() : providerEvidence;
        evidence = evidence == null ? Map.of() : evidence;
    }

    /** The country whose law controls the provider: its ultimate parent's, else its own. */
    public String providerControlCountry() {
        return providerUltimateParent != null ? providerUltimateParent.country() : providerCountry;
    }
}

package eu.sovereignstack.assessment.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A product with what the catalog knows around it: what can replace it and who runs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedProduct(
        CatalogProduct product,
        List<AlternativeRef> alternatives,
        List<Offering> offerings,
        List<String> sameCategory) {

    public ResolvedProduct {
        alternatives = alternatives == null ? List.of() : alternatives;
        offerings = offerings == null ? List.of() : offerings;
        sameCategory = sameCategory == null ? List.of() : sameCategory;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlternativeRef(String product, String fit, String notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offering(String provider, String providerName, String providerCountry, boolean providerEuJurisdiction,
            List<String> providerCertifications, String name, List<String> countries) {

        public Offering {
            providerCertifications = providerCertifications == null ? List.of() : providerCertifications;
            countries = countries == null ? List.of() : countries;
        }
    }
}

package eu.sovereignstack.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.domain.DeploymentModel;
import eu.sovereignstack.catalog.domain.Governance;
import eu.sovereignstack.catalog.domain.ProductKind;
import eu.sovereignstack.common.licence.LicenceFamily;

/** A product as the API shows it, with the facts derived from what was written. */
@Schema(name = "Product")
public record ProductView(
        String slug,
        String name,
        ProductKind kind,
        String category,
        String description,
        ProductInput.StewardInput steward,
        @Schema(description = "SPDX licence expression", examples = "AGPL-3.0-or-later")
        String licence,
        @Schema(description = "The licence ids in the expression (derived)")
        List<String> licenceIds,
        @Schema(description = "Licence family of the expression as a whole (derived)")
        LicenceFamily licenceFamily,
        @Schema(description = "Usable under an OSI-approved or FSF-libre licence (derived)")
        boolean openSource,
        Governance governance,
        List<DeploymentModel> deploymentModels,
        List<String> standards,
        List<String> certifications,
        List<String> dataLocations,
        @Schema(description = "Steward and every data location in the EU/EEA (derived)")
        boolean euJurisdiction,
        String website,
        String sourceRepository,
        @Schema(description = "Package URLs of its packages and images, without version")
        List<String> purls,
        @Schema(description = "Other names inventories use for it")
        List<String> aliases,
        ProductInput.HealthInput health,
        LocalDate factsAsOf,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optimistic-locking version, also sent as the ETag")
        int version) {
}

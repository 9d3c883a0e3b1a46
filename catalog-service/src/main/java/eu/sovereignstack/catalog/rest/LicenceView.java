package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.LICENCE_ID;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LICENCE_NAME;
import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.common.licence.LicenceFamily;

@Schema(name = "Licence", description = "A licence used by catalog products.")
public record LicenceView(
        @Schema(examples = "AGPL-3.0-or-later", maxLength = LICENCE_ID) String id,
        @Schema(description = "Full name, from the SPDX License List when listed", maxLength = LICENCE_NAME)
        String name,
        boolean osiApproved,
        boolean fsfLibre,
        @Schema(description = "Whether the id is on the SPDX License List (LicenseRef-... ids are not)") boolean spdxListed,
        LicenceFamily family,
        @Schema(minimum = "0", maximum = LONG_MAX) long productCount) {
}

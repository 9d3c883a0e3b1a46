package eu.sovereignstack.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.common.licence.LicenceFamily;

@Schema(name = "Licence", description = "A licence used by catalog products.")
public record LicenceView(
        @Schema(examples = "AGPL-3.0-or-later") String id,
        @Schema(description = "Full name, from the SPDX License List when listed") String name,
        boolean osiApproved,
        boolean fsfLibre,
        @Schema(description = "Whether the id is on the SPDX License List (LicenseRef-... ids are not)") boolean spdxListed,
        LicenceFamily family,
        long productCount) {
}

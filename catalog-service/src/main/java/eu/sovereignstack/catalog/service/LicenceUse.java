package eu.sovereignstack.catalog.service;

import eu.sovereignstack.common.licence.LicenceFamily;

/**
 * A licence id that catalog products name, how many name it, and what the SPDX License List
 * says of it (an unlisted id is its own name, neither OSI-approved nor FSF-libre).
 */
public record LicenceUse(String id, String name, boolean osiApproved, boolean fsfLibre, boolean spdxListed,
        LicenceFamily family, long productCount) {
}

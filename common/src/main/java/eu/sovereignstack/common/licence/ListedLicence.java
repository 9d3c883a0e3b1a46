package eu.sovereignstack.common.licence;

/** A licence of the SPDX License List, with its family. */
public record ListedLicence(String id, String name, boolean osiApproved, boolean fsfLibre, boolean deprecated,
        LicenceFamily family) {
}

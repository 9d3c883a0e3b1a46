package eu.sovereignstack.catalog.service;

import eu.sovereignstack.catalog.domain.Offering;

/** An offering as a PUT left it, and whether the PUT created it. */
public record OfferingWrite(Offering offering, boolean created) {
}

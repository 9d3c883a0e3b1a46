package eu.sovereignstack.catalog.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a fact was obtained from its source. */
@Schema(name = "EvidenceMethod", description = "CURATED: a person read it from the source; IMPORTED: copied from a "
        + "dataset; DERIVED: computed from other facts (e.g. data locations from a provider's regions).")
public enum EvidenceMethod {
    CURATED,
    IMPORTED,
    DERIVED
}

package eu.sovereignstack.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.KeyCustody;

/**
 * The facts of an offering that a client states; its provider and product are where it is
 * written (the path), not facts of it. {@code version} is the version a change is based on, or null.
 */
public record OfferingFacts(
        String name,
        List<String> countries,
        String url,
        KeyCustody keyCustody,
        Boolean hsm,
        LocalDate factsAsOf,
        Map<String, Evidence> evidence,
        Integer version) {

    /** The stored offering as a client would write it back (no version). */
    public static OfferingFacts of(Offering o) {
        return new OfferingFacts(o.name, List.copyOf(o.countries), o.url, o.keyCustody, o.hsm, o.factsAsOf,
                Evidences.ordered(o.evidence, Offering.EVIDENCE_FACTS), null);
    }

    /** The facts of {@link Offering#EVIDENCE_FACTS} this offering states: only those can carry evidence. */
    public List<String> stated() {
        return keyCustody == null ? List.of("entry", "dataLocations") : List.of("entry", "dataLocations", "keyCustody");
    }

    /** Writes these facts onto the entity; its provider and product are set only on creation. */
    public void writeTo(Offering o) {
        o.name = name.trim();
        o.countries = new ArrayList<>(new LinkedHashSet<>(countries));
        o.url = url;
        o.keyCustody = keyCustody;
        o.hsm = hsm;
        o.factsAsOf = factsAsOf;
        o.evidence = new LinkedHashMap<>(Evidences.ordered(evidence, Offering.EVIDENCE_FACTS));
    }
}

package eu.sovereignstack.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.catalog.contract.Evidence;

/**
 * The facts of a provider that a client states (create, replace, merge patch), without those the
 * catalog derives from them (jurisdiction, control, offering count). Optional facts are null when
 * unknown; {@code version} is the version a change is based on, or null.
 */
public record ProviderFacts(
        String slug,
        String name,
        String legalName,
        String country,
        ProviderType type,
        String website,
        String ultimateParentName,
        String ultimateParentCountry,
        List<String> certifications,
        List<String> dataLocations,
        BigDecimal pue,
        BigDecimal renewableShare,
        Boolean climateNeutralDataCentrePact,
        LocalDate factsAsOf,
        Map<String, Evidence> evidence,
        Integer version) {

    /** The stored provider as a client would write it back (no version), decimals without trailing zeros. */
    public static ProviderFacts of(Provider p) {
        return new ProviderFacts(p.slug, p.name, p.legalName, p.country, p.type, p.website, p.ultimateParentName,
                p.ultimateParentCountry, List.copyOf(p.certifications), List.copyOf(p.dataLocations), stripped(p.pue), stripped(p.renewableShare),
                p.climateNeutralDataCentrePact, p.factsAsOf, Evidences.ordered(p.evidence, Provider.EVIDENCE_FACTS), null);
    }

    /** The facts of {@link Provider#EVIDENCE_FACTS} this provider states: only those can carry evidence. */
    public List<String> stated() {
        List<String> stated = new ArrayList<>(List.of("entry", "country", "certifications"));
        if (legalName != null) {
            stated.add("legalName");
        }
        if (ultimateParentName != null) {
            stated.add("ultimateParent");
        }
        if (dataLocations != null && !dataLocations.isEmpty()) {
            stated.add("dataLocations");
        }
        if (pue != null) {
            stated.add("pue");
        }
        if (renewableShare != null) {
            stated.add("renewableShare");
        }
        if (climateNeutralDataCentrePact != null) {
            stated.add("climateNeutralDataCentrePact");
        }
        return stated;
    }

    /** Writes these facts onto the entity; the slug is set only on creation. */
    public void writeTo(Provider p) {
        p.name = name.trim();
        p.legalName = legalName == null ? null : legalName.trim();
        p.country = country;
        p.type = type;
        p.website = website;
        p.ultimateParentName = ultimateParentName == null ? null : ultimateParentName.trim();
        p.ultimateParentCountry = ultimateParentName == null ? null : ultimateParentCountry;
        p.certifications = certifications == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(certifications.stream().map(String::trim).toList()));
        p.dataLocations = dataLocations == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(dataLocations));
        p.pue = pue;
        p.renewableShare = renewableShare;
        p.climateNeutralDataCentrePact = climateNeutralDataCentrePact;
        p.factsAsOf = factsAsOf;
        p.evidence = new LinkedHashMap<>(Evidences.ordered(evidence, Provider.EVIDENCE_FACTS));
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}

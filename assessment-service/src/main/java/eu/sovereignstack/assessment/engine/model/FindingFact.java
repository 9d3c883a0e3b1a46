package eu.sovereignstack.assessment.engine.model;

import java.time.LocalDate;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.catalog.contract.Evidence;

/**
 * A fact a finding rests on, and where it comes from: whose fact it is, its value, and the
 * evidence the catalog (or the inventory) gives for it. An unknown fact says it is unknown; a
 * known fact without evidence has no source.
 *
 * @param fact       which fact: licence, steward, ultimateParent, governance, operator, dataLocations, standards,
 *                   providers, certifications, health, energy, keyCustody
 * @param about      whose fact it is ("product Nextcloud", "provider OVHcloud", "the inventory")
 * @param value      the fact as text; null when unknown
 * @param source     the evidence's source (a URL, or a dataset with its version); null when none is recorded
 */
@Schema(name = "FindingFact", description = "A fact a finding rests on, with its evidence; an unknown fact says so.")
public record FindingFact(
        @Schema(examples = "licence", maxLength = Limits.FACT) String fact,
        @Schema(examples = "product Nextcloud", maxLength = Limits.FACT_ABOUT) String about,
        @Schema(description = "The fact as text; absent when unknown", examples = "AGPL-3.0-or-later", maxLength = Limits.FACT_VALUE)
        String value,
        @Schema(description = "Whether the fact is known") boolean known,
        @Schema(description = "Where it comes from: a URL, or a dataset with its version; absent when unsourced",
                maxLength = Limits.FACT_SOURCE)
        String source,
        @Schema(description = "The day the source stated it", implementation = String.class, format = "date",
                maxLength = Limits.DATE)
        LocalDate asOf,
        @Schema(description = "CURATED, IMPORTED or DERIVED", maxLength = Limits.FACT)
        String method,
        @Schema(description = "Who vouches for it", maxLength = Limits.FACT_ABOUT) String assertedBy) {

    /** A known fact, with its evidence when there is one. */
    public static FindingFact of(String fact, String about, String value, Evidence evidence) {
        if (evidence == null) {
            return new FindingFact(fact, about, value, true, null, null, null, null);
        }
        return new FindingFact(fact, about, value, true, evidence.source(), evidence.asOf(),
                evidence.method() == null ? null : evidence.method().name(), evidence.assertedBy());
    }

    /** A fact the organisation stated in its inventory. */
    public static FindingFact fromInventory(String fact, String value) {
        return new FindingFact(fact, "the inventory", value, true, "the inventory submitted with this assessment", null,
                "CURATED", "the organisation");
    }

    /** A fact the assessment derived from the catalog's other facts. */
    public static FindingFact derived(String fact, String about, String value) {
        return new FindingFact(fact, about, value, true, "derived from the catalog's facts when assessed", null, "DERIVED",
                "the assessment-service");
    }

    /** A fact nobody has stated. */
    public static FindingFact unknown(String fact, String about) {
        return new FindingFact(fact, about, null, false, null, null, null, null);
    }

    /** How a person reads it: value, then where it comes from. */
    public String describe() {
        String head = fact + " of " + about + ": " + (known ? value : "unknown");
        if (!known) {
            return head;
        }
        if (source == null) {
            return head + " (no source recorded)";
        }
        return head + " (" + source + (asOf == null ? "" : ", " + asOf)
                + (method == null ? "" : ", " + method.toLowerCase(Locale.ROOT))
                + (assertedBy == null ? "" : ", asserted by " + assertedBy) + ")";
    }
}

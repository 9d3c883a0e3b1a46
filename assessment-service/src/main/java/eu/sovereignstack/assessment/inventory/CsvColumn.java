package eu.sovereignstack.assessment.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.sovereignstack.assessment.domain.Limits;

/**
 * The columns a CSV inventory may have. Headers are matched ignoring case, with ' ' or '-'
 * for '_' ("Provider Country", "data-locations"); the order of the columns is free. Lists are
 * separated by ';' or '|'; an empty cell means absent. Each column's rule is published in the
 * OpenAPI document ({@code createAssessmentFromCsv}).
 */
public enum CsvColumn {
    ID("the item's id, unique in the file, at most " + Limits.ID + " characters; item-<line> when empty"),
    NAME("required: the product's name as people call it (matched to the catalog tolerantly), at most " + Limits.NAME
            + " characters"),
    SLUG("the catalog's slug, when known (matched first), at most " + Limits.SLUG + " characters"),
    PURL("a package URL (pkg:type/namespace/name), at most " + Limits.PURL + " characters"),
    VERSION("at most " + Limits.VERSION + " characters"),
    LICENCE("an SPDX licence expression, used when the catalog has none, at most " + Limits.LICENCE + " characters",
            "license"),
    DEPLOYMENT("SELF_HOSTED (default), MANAGED or SAAS"),
    PROVIDER("who runs it for you (MANAGED or SAAS), at most " + Limits.NAME + " characters"),
    PROVIDER_COUNTRY("the provider's country, ISO 3166-1 alpha-2"),
    DATA_LOCATIONS("the countries where its data is stored, ISO 3166-1 alpha-2, at most " + Limits.COUNTRIES),
    USERS("a whole number, 0 or more"),
    DATA_CLASSIFICATION("PUBLIC, INTERNAL (default), CONFIDENTIAL or SECRET"),
    CRITICALITY("LOW, MEDIUM (default), HIGH or CRITICAL"),
    USAGE("INTERNAL (default), DISTRIBUTED or NETWORK_SERVICE (how it is used: decides licence obligations)"),
    DEPENDS_ON("ids of the items it depends on (they migrate first), at most " + Limits.DEPENDS_ON),
    LIBRARY("true for a library built into another item (matched by slug or purl only; counts in the item that depends "
            + "on it), false (default) otherwise"),
    SUPPLIER("who supplies it, when the catalog does not know it, at most " + Limits.NAME + " characters");

    private final List<String> aliases;

    private final String rule;

    CsvColumn(String rule, String... aliases) {
        this.rule = rule;
        this.aliases = List.of(aliases);
    }

    /** What the column holds and the values it accepts. */
    public String rule() {
        return rule;
    }

    /** The header as documented, e.g. {@code provider_country}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column a header names, if any. */
    public static Optional<CsvColumn> forHeader(String header) {
        String normalised = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values())
                .filter(column -> column.header().equals(normalised) || column.aliases.contains(normalised))
                .findFirst();
    }

    /** The documented headers, comma-separated, for messages. */
    public static String headers() {
        return Arrays.stream(values()).map(CsvColumn::header).collect(Collectors.joining(", "));
    }
}

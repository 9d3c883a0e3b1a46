package eu.sovereignstack.assessment.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns a CSV inventory may have. Headers are matched ignoring case, with ' ' or '-'
 * for '_' ("Provider Country", "data-locations"); the order of the columns is free.
 */
public enum CsvColumn {
    ID,
    NAME,
    SLUG,
    PURL,
    VERSION,
    LICENCE("license"),
    DEPLOYMENT,
    PROVIDER,
    PROVIDER_COUNTRY,
    DATA_LOCATIONS,
    USERS,
    DATA_CLASSIFICATION,
    CRITICALITY,
    USAGE,
    DEPENDS_ON;

    private final List<String> aliases;

    CsvColumn(String... aliases) {
        this.aliases = List.of(aliases);
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

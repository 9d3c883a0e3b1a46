package eu.sovereignstack.assessment.engine.licence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OSADL open source licence compatibility matrix ({@code licences/osadl-matrix.json}, an
 * unmodified copy of OSADL's {@code matrixseqexpl.json}, CC-BY-4.0; see
 * {@code OSADL-ATTRIBUTION.txt} next to it). Rows are the <em>leading</em> licence, that of the
 * combined, outbound work; columns the <em>subordinate</em> licence, that of an included
 * component. It covers copying unmodified code into a distributed work, not SaaS use.
 *
 * <p>The matrix names licences by current SPDX ids ({@code GPL-2.0-only},
 * {@code GPL-2.0-or-later}, ...) plus one exception entry,
 * {@code GPL-2.0-only WITH Classpath-exception-2.0}. Other spellings are mapped onto them by
 * {@link #matrixName(String)}. The file is parsed once per class loader and shared by every
 * instance, so creating one is cheap after the first.
 */
public class OsadlMatrix {

    public static final String RESOURCE = "/licences/osadl-matrix.json";

    private static final Pattern BARE_GNU_ID = Pattern.compile("(?i)(A|L)?GPL-\\d\\.\\d");
    private static final Pattern WITH = Pattern.compile("(?i)\\s+WITH\\s+");

    /** Deprecated SPDX ids that fold an exception into the id, as {@code base WITH exception}. */
    private static final Map<String, String[]> DEPRECATED_WITH_EXCEPTION = Map.of(
            "gpl-2.0-with-autoconf-exception", new String[] {"GPL-2.0-only", "Autoconf-exception-2.0"},
            "gpl-2.0-with-bison-exception", new String[] {"GPL-2.0-only", "Bison-exception-2.2"},
            "gpl-2.0-with-classpath-exception", new String[] {"GPL-2.0-only", "Classpath-exception-2.0"},
            "gpl-2.0-with-font-exception", new String[] {"GPL-2.0-only", "Font-exception-2.0"},
            "gpl-2.0-with-gcc-exception", new String[] {"GPL-2.0-only", "GCC-exception-2.0"},
            "gpl-3.0-with-autoconf-exception", new String[] {"GPL-3.0-only", "Autoconf-exception-3.0"},
            "gpl-3.0-with-gcc-exception", new String[] {"GPL-3.0-only", "GCC-exception-3.1"});

    public OsadlMatrix() {
        Data.get();
    }

    /** The matrix's licence names, in the file's order (115 in the shipped version). */
    public List<String> licences() {
        return Data.get().names();
    }

    /** When OSADL last changed the matrix, as given in the file. */
    public String timestamp() {
        return Data.get().timestamp();
    }

    /**
     * What OSADL says about a component under {@code subordinate} included in a work under
     * {@code leading}. Both are single licences, optionally with {@code +} or
     * {@code WITH exception}; empty when either is not in the matrix.
     */
    public Optional<Verdict> compatibility(String leading, String subordinate) {
        Optional<String> lead = matrixName(leading);
        Optional<String> sub = matrixName(subordinate);
        if (lead.isEmpty() || sub.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Verdict> row = Data.get().verdicts().get(key(lead.get()));
        return Optional.ofNullable(row.get(key(sub.get())));
    }

    /**
     * The matrix's name for a single licence, if the matrix covers it. Case is ignored.
     * Deprecated bare GNU ids mean {@code -only} ({@code GPL-2.0} is {@code GPL-2.0-only});
     * a trailing {@code +} means {@code -or-later} ({@code GPL-2.0+}, {@code LGPL-2.1-only+}),
     * and on a licence without an {@code -or-later} entry it is dropped ({@code Apache-2.0+}
     * is {@code Apache-2.0}). {@code X WITH exception} is the matrix's entry for that
     * combination if there is one, else {@code X}; deprecated ids such as
     * {@code GPL-2.0-with-classpath-exception} are read as {@code GPL-2.0-only WITH ...}.
     */
    public Optional<String> matrixName(String licence) {
        if (licence == null || licence.isBlank()) {
            return Optional.empty();
        }
        String[] parts = WITH.split(licence.trim(), 2);
        String base = parts[0].trim();
        String exception = parts.length > 1 ? parts[1].trim() : null;
        String[] folded = DEPRECATED_WITH_EXCEPTION.get(key(base));
        if (folded != null && exception == null) {
            base = folded[0];
            exception = folded[1];
        }
        Optional<String> resolved = resolveBase(base);
        if (resolved.isPresent() && exception != null) {
            String combined = Data.get().canonical().get(key(resolved.get() + " WITH " + exception));
            if (combined != null) {
                return Optional.of(combined);
            }
        }
        return resolved;
    }

    private static Optional<String> resolveBase(String base) {
        Map<String, String> canonical = Data.get().canonical();
        boolean orLater = base.endsWith("+");
        String id = orLater ? base.substring(0, base.length() - 1).trim() : base;
        Matcher bare = BARE_GNU_ID.matcher(id);
        if (bare.matches()) {
            id = id + (orLater ? "-or-later" : "-only");
        } else if (orLater) {
            String lower = key(id);
            String stem = lower.endsWith("-only") ? id.substring(0, id.length() - "-only".length()) : id;
            String later = canonical.get(key(stem + "-or-later"));
            if (later != null) {
                return Optional.of(later);
            }
        }
        return Optional.ofNullable(canonical.get(key(id)));
    }

    private static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** OSADL writes quotes in its explanations as HTML entities. */
    static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The parsed file: names keyed by lower case, verdicts by leading then subordinate key. */
    private record Data(String timestamp, List<String> names, Map<String, String> canonical,
            Map<String, Map<String, Verdict>> verdicts) {

        private static volatile Data loaded;

        static Data get() {
            Data data = loaded;
            if (data == null) {
                synchronized (Data.class) {
                    data = loaded;
                    if (data == null) {
                        data = load();
                        loaded = data;
                    }
                }
            }
            return data;
        }

        private static Data load() {
            try (InputStream in = OsadlMatrix.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                Map<String, String> canonical = new HashMap<>();
                Map<String, Map<String, Verdict>> verdicts = new HashMap<>();
                List<String> names = new ArrayList<>();
                for (JsonNode row : root.path("licenses")) {
                    String leading = row.path("name").asText();
                    names.add(leading);
                    canonical.put(key(leading), leading);
                    Map<String, Verdict> cells = new HashMap<>();
                    for (JsonNode cell : row.path("compatibilities")) {
                        String value = cell.path("compatibility").asText();
                        Compatibility compatibility = Compatibility.fromOsadl(value).orElseThrow(
                                () -> new IllegalStateException("unknown OSADL compatibility '" + value + "'"));
                        cells.put(key(cell.path("name").asText()),
                                new Verdict(compatibility, unescape(cell.path("explanation").asText())));
                    }
                    verdicts.put(key(leading), Map.copyOf(cells));
                }
                if (names.isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " holds no licences");
                }
                return new Data(root.path("timestamp").asText(), List.copyOf(names), Map.copyOf(canonical),
                        Map.copyOf(verdicts));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

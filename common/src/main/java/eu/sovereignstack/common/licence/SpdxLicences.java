package eu.sovereignstack.common.licence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ListedLicenses;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.AbstractExtractedLicenseInfo;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.ConjunctiveLicenseSet;
import org.spdx.library.model.v2.license.DisjunctiveLicenseSet;
import org.spdx.library.model.v2.license.InvalidLicenseExpression;
import org.spdx.library.model.v2.license.InvalidLicenseStringException;
import org.spdx.library.model.v2.license.OrLaterOperator;
import org.spdx.library.model.v2.license.SpdxListedLicense;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;
import org.spdx.library.model.v2.license.SpdxNoneLicense;
import org.spdx.library.model.v2.license.WithExceptionOperator;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Parses SPDX licence expressions with the SPDX library and its bundled licence list (never
 * the network), and classifies them: which licences they name, their {@link LicenceFamily}
 * and whether they are open source. Families come from {@code licences/licence-families.csv},
 * derived from the ScanCode LicenseDB categories (see NOTICE).
 *
 * <p>Thread-safe; parse results are cached, since catalogs and inventories repeat a few
 * hundred distinct expressions.
 */
public final class SpdxLicences {

    /** Exceptions that turn a strong copyleft licence into a linking-friendly (weak) one. */
    static final Set<String> LINKING_EXCEPTIONS = Set.of(
            "Classpath-exception-2.0", "GCC-exception-2.0", "GCC-exception-3.1",
            "LGPL-3.0-linking-exception", "Universal-FOSS-exception-1.0", "OpenJDK-assembly-exception-1.0");

    public static final int MAX_EXPRESSION_LENGTH = 500;
    private static final String DOCUMENT_URI = "https://sovereignstack.eu/spdx/expressions";
    private static final int CACHE_LIMIT = 10_000;

    static {
        // The licence list bundled in the library jar; never the network.
        System.setProperty("SPDXParser.OnlyUseLocalLicenses", "true");
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        SpdxModelFactory.init();
    }

    private final Map<String, LicenceFamily> families;
    private final Map<String, Parsed> cache = new ConcurrentHashMap<>();

    /** An expression checked and classified, with the SPDX library's parse tree of it. */
    private record Parsed(LicenceExpression expression, AnyLicenseInfo tree) {
    }

    public SpdxLicences() {
        this.families = loadFamilies();
    }

    public String licenceListVersion() {
        return ListedLicenses.getListedLicenses().getLicenseListVersion();
    }

    /** Parses and classifies an expression; the result is cached. */
    public LicenceExpression analyse(String expression) throws InvalidLicenceException {
        return parsed(expression).expression();
    }

    /**
     * The SPDX library's parse tree of a valid expression (OR, AND, WITH and licence nodes), for
     * checks that need the structure and not only the classification; cached like {@link #analyse}.
     */
    public AnyLicenseInfo tree(String expression) throws InvalidLicenceException {
        return parsed(expression).tree();
    }

    private Parsed parsed(String expression) throws InvalidLicenceException {
        if (expression == null || expression.isBlank()) {
            throw new InvalidLicenceException("must not be blank");
        }
        String trimmed = expression.trim();
        if (trimmed.length() > MAX_EXPRESSION_LENGTH) {
            throw new InvalidLicenceException("must be at most " + MAX_EXPRESSION_LENGTH + " characters");
        }
        Parsed cached = cache.get(trimmed);
        if (cached != null) {
            return cached;
        }
        AnyLicenseInfo tree = parse(trimmed);
        Parsed parsed = new Parsed(classify(trimmed, tree), tree);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(trimmed, parsed);
        return parsed;
    }

    /** The licence of the SPDX list with this id (case-insensitive), if there is one. */
    public Optional<ListedLicence> listed(String id) {
        Optional<String> canonical = ListedLicenses.getListedLicenses().listedLicenseIdCaseSensitive(id);
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        try {
            SpdxListedLicense licence = ListedLicenses.getListedLicenses().getListedLicenseByIdCompatV2(canonical.get());
            return Optional.of(new ListedLicence(licence.getLicenseId(), licence.getName(),
                    licence.isOsiApproved() || deprecatedOpen(licence), Boolean.TRUE.equals(licence.getFsfLibre()),
                    licence.isDeprecated(), familyOf(licence.getLicenseId())));
        } catch (InvalidSPDXAnalysisException e) {
            return Optional.empty();
        }
    }

    /**
     * A deprecated id of the SPDX list ({@code GPL-2.0}, {@code GPL-2.0-with-classpath-exception},
     * ...) carries no OSI or FSF flags, although it names an open licence in an old form; SBOMs
     * still use them. Such an id is open unless its family says otherwise.
     */
    private boolean deprecatedOpen(SpdxListedLicense licence) throws InvalidSPDXAnalysisException {
        return licence.isDeprecated() && familyOf(licence.getLicenseId()) != LicenceFamily.PROPRIETARY;
    }

    /** The family of one licence id; ids outside the SPDX list ({@code LicenseRef-...}) are proprietary. */
    public LicenceFamily familyOf(String licenceId) {
        return families.getOrDefault(licenceId, LicenceFamily.PROPRIETARY);
    }

    /** The licence ids the families table classifies. */
    Set<String> classifiedIds() {
        return families.keySet();
    }

    private static AnyLicenseInfo parse(String expression) throws InvalidLicenceException {
        try {
            AnyLicenseInfo parsed = LicenseInfoFactory.parseSPDXLicenseStringCompatV2(expression, new InMemSpdxStore(),
                    DOCUMENT_URI, new ModelCopyManager());
            if (parsed instanceof InvalidLicenseExpression invalid) {
                throw new InvalidLicenceException(messageOf(invalid));
            }
            return parsed;
        } catch (InvalidLicenseStringException e) {
            throw new InvalidLicenceException("not a valid SPDX licence expression: " + e.getMessage());
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            throw new InvalidLicenceException("not a valid SPDX licence expression");
        }
    }

    private static String messageOf(InvalidLicenseExpression invalid) {
        try {
            return "not a valid SPDX licence expression: " + invalid.getMessage();
        } catch (InvalidSPDXAnalysisException e) {
            return "not a valid SPDX licence expression";
        }
    }

    private LicenceExpression classify(String expression, AnyLicenseInfo licence) throws InvalidLicenceException {
        Set<String> ids = new TreeSet<>();
        try {
            Node node = walk(licence, ids);
            return new LicenceExpression(expression, java.util.List.copyOf(ids), node.family(), node.open());
        } catch (InvalidSPDXAnalysisException e) {
            throw new InvalidLicenceException("not a valid SPDX licence expression");
        }
    }

    private record Node(LicenceFamily family, boolean open) {
    }

    private Node walk(AnyLicenseInfo licence, Set<String> ids) throws InvalidSPDXAnalysisException, InvalidLicenceException {
        if (licence instanceof DisjunctiveLicenseSet or) {
            Node result = null;
            for (AnyLicenseInfo member : or.getMembers()) {
                Node node = walk(member, ids);
                result = result == null ? node
                        : new Node(LicenceFamily.leastRestrictive(result.family(), node.family()), result.open() || node.open());
            }
            return result;
        }
        if (licence instanceof ConjunctiveLicenseSet and) {
            Node result = null;
            for (AnyLicenseInfo member : and.getMembers()) {
                Node node = walk(member, ids);
                result = result == null ? node
                        : new Node(LicenceFamily.mostRestrictive(result.family(), node.family()), result.open() && node.open());
            }
            return result;
        }
        if (licence instanceof WithExceptionOperator with) {
            Node base = walk(with.getLicense(), ids);
            String exception = with.getException().getLicenseExceptionId();
            if (!LicenseInfoFactory.isSpdxListedExceptionId(exception)) {
                throw new InvalidLicenceException("'" + exception + "' is not an exception of the SPDX License List");
            }
            boolean linking = LINKING_EXCEPTIONS.contains(exception) && base.family() == LicenceFamily.STRONG_COPYLEFT;
            return linking ? new Node(LicenceFamily.WEAK_COPYLEFT, base.open()) : base;
        }
        if (licence instanceof OrLaterOperator orLater) {
            return walk(orLater.getLicense(), ids);
        }
        if (licence instanceof SpdxListedLicense listed) {
            ids.add(listed.getLicenseId());
            return new Node(familyOf(listed.getLicenseId()),
                    listed.isOsiApproved() || Boolean.TRUE.equals(listed.getFsfLibre()) || deprecatedOpen(listed));
        }
        if (licence instanceof AbstractExtractedLicenseInfo reference) {
            ids.add(reference.getLicenseId());
            return new Node(LicenceFamily.PROPRIETARY, false);
        }
        if (licence instanceof SpdxNoAssertionLicense || licence instanceof SpdxNoneLicense) {
            throw new InvalidLicenceException("NOASSERTION and NONE are not licences; use LicenseRef-Proprietary or a real licence");
        }
        throw new InvalidLicenceException("unsupported licence term '" + licence + "'");
    }

    private static Map<String, LicenceFamily> loadFamilies() {
        Map<String, LicenceFamily> families = new HashMap<>();
        try (InputStream in = SpdxLicences.class.getResourceAsStream("/licences/licence-families.csv")) {
            if (in == null) {
                throw new IllegalStateException("licences/licence-families.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                families.put(line.substring(0, comma).trim(), LicenceFamily.valueOf(line.substring(comma + 1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(families);
    }
}

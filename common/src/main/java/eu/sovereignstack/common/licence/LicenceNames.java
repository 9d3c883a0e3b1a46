package eu.sovereignstack.common.licence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a licence written as a name, the way Maven POMs, npm manifests and SBOMs often give it
 * ("Apache License, Version 2.0", "GPL-2.0 with the Universal FOSS Exception"), into the SPDX
 * expression it stands for ({@code Apache-2.0}, {@code GPL-2.0-only WITH Universal-FOSS-exception-1.0}).
 *
 * <p>It knows the names and ids of the SPDX licence and exception lists bundled with the SPDX
 * library (the list {@link SpdxLicences} checks expressions against) and the common names of
 * {@code licences/licence-names.csv}. Names are compared without case, accents, punctuation,
 * "the", "version" or "v" before a number, and a ".0" after one, so "Eclipse Public License -
 * v 2.0" is the list's "Eclipse Public License 2.0". A deprecated id ({@code GPL-2.0}) gives the
 * id that replaced it ({@code GPL-2.0-only}). A name it cannot place is not guessed.
 */
public final class LicenceNames {

    private static final String LICENCES = "/resources/stdlicenses/licenses.json";
    private static final String EXCEPTIONS = "/resources/stdlicenses/exceptions.json";
    private static final String COMMON_NAMES = "/licences/licence-names.csv";
    private static final Pattern WITH = Pattern.compile("\\s+(?:with|w/)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERSION_PREFIX = Pattern.compile("\\b(?:version|v)\\s*(?=\\d)");
    private static final Pattern POINT_ZERO = Pattern.compile("(\\d)\\.0\\b");
    private static final Pattern TRAILING_VERSION = Pattern.compile("(?:\\s\\d+)+$");

    private static final class Holder {
        static final LicenceNames STANDARD = new LicenceNames();
    }

    /** Normalised name or id -> SPDX expression. */
    private final Map<String, String> licences = new HashMap<>();
    /** Normalised exception name or id (also without its version) -> exception id. */
    private final Map<String, String> exceptions = new HashMap<>();

    private LicenceNames() {
        ObjectMapper json = new ObjectMapper();
        JsonNode list = read(json, LICENCES).path("licenses");
        Map<String, String> currentByName = new HashMap<>();
        for (JsonNode licence : list) {
            if (!licence.path("isDeprecatedLicenseId").asBoolean()) {
                currentByName.putIfAbsent(licence.path("name").asText(), licence.path("licenseId").asText());
            }
        }
        for (JsonNode licence : list) {
            String id = licence.path("licenseId").asText();
            String name = licence.path("name").asText();
            // A deprecated id names what replaced it, when a current licence has its name.
            String target = licence.path("isDeprecatedLicenseId").asBoolean() ? currentByName.getOrDefault(name, id) : id;
            licences.putIfAbsent(normalised(id), target);
            licences.putIfAbsent(normalised(name), currentByName.getOrDefault(name, target));
        }
        Set<String> ambiguous = new HashSet<>();
        for (JsonNode exception : read(json, EXCEPTIONS).path("exceptions")) {
            String id = exception.path("licenseExceptionId").asText();
            for (String key : new LinkedHashSet<>(List.of(normalised(id), normalised(exception.path("name").asText())))) {
                exceptions.putIfAbsent(key, id);
                String unversioned = TRAILING_VERSION.matcher(key).replaceAll("");
                if (!unversioned.equals(key) && exceptions.putIfAbsent(unversioned, id) != null
                        && !exceptions.get(unversioned).equals(id)) {
                    ambiguous.add(unversioned);
                }
            }
        }
        ambiguous.forEach(exceptions::remove);
        readCommonNames();
    }

    /** The names of the SPDX list bundled with the library, and the common ones. */
    public static LicenceNames standard() {
        return Holder.STANDARD;
    }

    /**
     * The SPDX expression a licence name stands for: a licence, optionally "with" an exception;
     * empty when it names no licence this knows.
     */
    public Optional<String> spdx(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String whole = licences.get(normalised(name));
        if (whole != null) {
            return Optional.of(whole);
        }
        String[] parts = WITH.split(name.strip(), 2);
        if (parts.length < 2) {
            return Optional.empty();
        }
        String licence = licences.get(normalised(parts[0]));
        String exceptionName = normalised(parts[1]);
        // "the GNU Classpath Exception" is the list's "Classpath exception 2.0".
        String exception = exceptions.getOrDefault(exceptionName, exceptions.get(exceptionName.replaceFirst("^gnu ", "")));
        if (licence == null || exception == null || licence.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(licence + " WITH " + exception);
    }

    /** Lower case, no accents, punctuation or filler words; "Licence" is "License". */
    static String normalised(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace("licence", "license");
        plain = VERSION_PREFIX.matcher(plain).replaceAll("");
        plain = POINT_ZERO.matcher(POINT_ZERO.matcher(plain).replaceAll("$1")).replaceAll("$1");
        plain = plain.replaceAll("[^a-z0-9+]+", " ").strip();
        return plain.replaceAll("^the ", "").replaceAll(" the ", " ");
    }

    private void readCommonNames() {
        try (InputStream in = LicenceNames.class.getResourceAsStream(COMMON_NAMES)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_NAMES + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                int comma = line.lastIndexOf(',');
                licences.put(normalised(line.substring(0, comma)), line.substring(comma + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = org.spdx.library.ListedLicenses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the SPDX library has no " + resource);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

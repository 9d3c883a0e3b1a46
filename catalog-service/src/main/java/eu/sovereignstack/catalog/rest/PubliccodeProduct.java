package eu.sovereignstack.catalog.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.service.SourceEntry;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * A {@code publiccode.yml} file (the standard of Developers Italia and the EU's public code
 * catalogues) as a software product: its name, repository, landing page, licence, copyright owner
 * as steward, maintenance type as governance and latest release as health. What the file cannot
 * say (the catalog's category, the steward's country) the importer states; every fact cites the
 * file at the given address and the software version it describes.
 */
final class PubliccodeProduct {

    static final String SOURCE = "publiccode";
    /** The largest file read, in characters. */
    static final int MAX_CHARS = 64 * 1024;
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_CHARS).build())
            .build());
    private static final Map<String, String> GOVERNANCE = Map.of("community", "COMMUNITY", "internal", "SINGLE_VENDOR",
            "contract", "SINGLE_VENDOR", "none", "COMMUNITY");

    private PubliccodeProduct() {
    }

    /** The product the file describes, as the API shows a product. */
    static SourceEntry entry(String file, String address, String category, String stewardCountry, LocalDate today, ObjectMapper json) {
        if (file == null || file.isBlank()) {
            throw ProblemException.invalid("body", "a publiccode.yml file is required");
        }
        if (file.length() > MAX_CHARS) {
            throw ProblemException.invalid("body", "is longer than " + MAX_CHARS + " characters");
        }
        JsonNode code;
        try {
            code = YAML.readTree(file);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not YAML: " + firstLine(e.getMessage()));
        }
        if (code == null || !code.isObject()) {
            throw ProblemException.invalid("body", "is not a publiccode.yml mapping");
        }
        if (text(code, "publiccodeYmlVersion") == null) {
            throw ProblemException.invalid("body.publiccodeYmlVersion", "is required: the file is not a publiccode.yml");
        }
        String name = text(code, "name");
        String repository = text(code, "url");
        String version = text(code, "softwareVersion");
        LocalDate released = date(text(code, "releaseDate"));
        JsonNode legal = code.path("legal");
        String steward = firstText(legal, "mainCopyrightOwner", "repoOwner");
        String source = address + (version == null ? "" : " (softwareVersion " + version + ")");

        ObjectNode view = json.createObjectNode();
        view.put("slug", slug(name));
        view.put("name", name);
        view.put("kind", "SOFTWARE");
        view.put("category", category);
        view.put("description", description(code.path("description")));
        view.set("steward", json.createObjectNode().put("name", steward).put("country", stewardCountry));
        view.put("licence", text(legal, "license"));
        String maintenance = text(code.path("maintenance"), "type");
        view.put("governance", maintenance == null ? null : GOVERNANCE.getOrDefault(maintenance.toLowerCase(Locale.ROOT), null));
        view.putArray("deploymentModels").add("SELF_HOSTED");
        view.put("website", http(text(code, "landingURL")));
        view.put("sourceRepository", http(repository));
        if (version != null || released != null) {
            ObjectNode health = view.putObject("health");
            health.put("latestReleaseVersion", version);
            health.put("latestReleaseDate", released == null ? null : released.toString());
        }
        view.put("factsAsOf", today.toString());
        ObjectNode evidence = view.putObject("evidence");
        evidence.set("entry", evidence(json, source, today, "name: " + name));
        evidence.set("licence", evidence(json, source, today, "license: " + text(legal, "license")));
        evidence.set("steward", evidence(json, source, today, steward == null ? null : "mainCopyrightOwner: " + steward));
        evidence.set("governance", evidence(json, source, today, maintenance == null ? null : "type: " + maintenance));
        if (version != null || released != null) {
            evidence.set("health", evidence(json, source, today, version == null ? null : "softwareVersion: " + version));
        }
        view.set("origin", json.createObjectNode().put("node", SOURCE).put("member", http(repository) != null ? repository : address));
        return new SourceEntry(EntryKind.PRODUCT, view.path("slug").asText(""), view);
    }

    /** The file's English short description, else the first language's; its long one when it has no short one. */
    private static String description(JsonNode descriptions) {
        JsonNode chosen = descriptions.has("en") ? descriptions.get("en") : null;
        if (chosen == null) {
            Iterator<JsonNode> any = descriptions.elements();
            chosen = any.hasNext() ? any.next() : null;
        }
        return chosen == null ? null : firstText(chosen, "shortDescription", "longDescription");
    }

    private static ObjectNode evidence(ObjectMapper json, String source, LocalDate asOf, String excerpt) {
        ObjectNode evidence = json.createObjectNode();
        evidence.put("source", source);
        evidence.put("asOf", asOf.toString());
        evidence.put("method", "IMPORTED");
        evidence.put("assertedBy", "publiccode.yml of the software's publisher");
        if (excerpt != null) {
            evidence.put("excerpt", excerpt);
        }
        return evidence;
    }

    /** A slug from the name: lower case, runs of anything but letters and digits as one dash. */
    static String slug(String name) {
        if (name == null) {
            return null;
        }
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }

    private static String http(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String firstText(JsonNode node, String... members) {
        for (String member : members) {
            String value = text(node, member);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static {
        YAML.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    }
}

package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Comparing the KeycloakRealmImports with the realm files they come from. */
final class RealmImports {

    private RealmImports() {
    }

    /** The realm files, by realm name. */
    static Map<String, JsonNode> realmFiles(Path dir) {
        Map<String, JsonNode> realms = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode realm = json.readTree(file.toFile());
                realms.put(realm.path("realm").asText(), realm);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return realms;
    }

    /**
     * Where production's realm may differ from the realm file: what components/production-realm changes (the demo
     * users left out, sovereign-cli's name, rootUrl and redirect URIs, the sovereign-services secret from a
     * placeholder). Any other difference is drift.
     */
    static final List<String> PRODUCTION_CHANGES = List.of(
            "/users", "/clients/0/name", "/clients/0/rootUrl", "/clients/0/redirectUris", "/clients/1/secret");

    /** The changes an overlay may make to the realm files: production's, none elsewhere. */
    static List<String> allowedChanges(RenderedOverlay overlay) {
        return overlay.isProduction() ? PRODUCTION_CHANGES : List.of();
    }

    /** Each realm import's realm equals the realm file of the same realm name, but for the allowed changes. */
    static List<String> differences(RenderedOverlay overlay, Map<String, JsonNode> realmFiles) {
        return differences(overlay, realmFiles, allowedChanges(overlay));
    }

    static List<String> differences(RenderedOverlay overlay, Map<String, JsonNode> realmFiles, List<String> allowed) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode realmImport : overlay.custom(CustomResources.KEYCLOAK_REALM_IMPORT)) {
            String name = Manifests.describe(realmImport);
            JsonNode realm = realmImport.path("spec").path("realm");
            String realmName = realm.path("realm").asText("");
            JsonNode file = realmFiles.get(realmName);
            if (file == null) {
                problems.add(name + ": realm '" + realmName + "' has no realm file in deploy/keycloak");
                continue;
            }
            List<String> found = new ArrayList<>();
            collectDifferences(file, realm, "", allowed, found);
            for (String difference : found) {
                problems.add(name + ": spec.realm differs from the realm file of '" + realmName + "' at " + difference);
            }
        }
        return problems;
    }

    /**
     * Production's realms keep exactly the realm file's service-account users, unchanged (production leaves out the
     * demo users, and only them): the services' accounts hold the roles the suite relies on, such as the feed's
     * catalog-auditor for a catalog node's service account.
     */
    static List<String> productionUsers(RenderedOverlay overlay, Map<String, JsonNode> realmFiles) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode realmImport : overlay.custom(CustomResources.KEYCLOAK_REALM_IMPORT)) {
            String name = Manifests.describe(realmImport);
            JsonNode realm = realmImport.path("spec").path("realm");
            JsonNode file = realmFiles.get(realm.path("realm").asText(""));
            if (file == null) {
                continue; // differences() reports it
            }
            ArrayNode serviceAccounts = JsonMapper.builder().build().createArrayNode();
            file.path("users").forEach(user -> {
                if (user.hasNonNull("serviceAccountClientId")) {
                    serviceAccounts.add(user);
                }
            });
            String difference = firstDifference(serviceAccounts, realm.path("users").isMissingNode()
                    ? JsonMapper.builder().build().createArrayNode() : realm.path("users"), "/users");
            if (difference != null) {
                problems.add(name + ": spec.realm.users are not the realm file's service-account users, unchanged: differs at " + difference);
            }
        }
        return problems;
    }

    /**
     * Production's realms hold no secret values: no user has credentials, and every client secret is a
     * {@code ${NAME}} placeholder that spec.placeholders fills from a Secret.
     */
    static List<String> productionSecrets(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode realmImport : overlay.custom(CustomResources.KEYCLOAK_REALM_IMPORT)) {
            String name = Manifests.describe(realmImport);
            JsonNode spec = realmImport.path("spec");
            for (JsonNode user : spec.path("realm").path("users")) {
                if (user.has("credentials")) {
                    problems.add(name + ": user " + user.path("username").asText() + " has credentials");
                }
            }
            for (JsonNode client : spec.path("realm").path("clients")) {
                if (!client.has("secret")) {
                    continue;
                }
                String secret = client.path("secret").asText();
                Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}").matcher(secret);
                if (!placeholder.matches()) {
                    problems.add(name + ": client " + client.path("clientId").asText() + " has a literal secret");
                } else if (!spec.path("placeholders").has(placeholder.group(1))) {
                    problems.add(name + ": client " + client.path("clientId").asText() + " secret placeholder "
                            + placeholder.group(1) + " is not in spec.placeholders");
                }
            }
        }
        return problems;
    }

    private static void collectDifferences(JsonNode expected, JsonNode actual, String pointer, List<String> allowed, List<String> found) {
        if (allowed.contains(pointer) || found.size() >= 10) {
            return;
        }
        if (expected != null && actual != null && expected.isObject() && actual.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                collectDifferences(expected.get(field), actual.get(field), pointer + "/" + field, allowed, found);
            }
            return;
        }
        if (expected != null && actual != null && expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                collectDifferences(expected.get(i), actual.get(i), pointer + "/" + i, allowed, found);
            }
            return;
        }
        if (expected == null) {
            found.add(where(pointer) + " (not in the file)");
        } else if (actual == null) {
            found.add(where(pointer) + " (missing)");
        } else {
            String difference = firstDifference(expected, actual, pointer);
            if (difference != null) {
                found.add(difference);
            }
        }
    }

    /** The JSON pointer of the first difference (numbers compared by value), or null when equal. */
    static String firstDifference(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null : where(pointer);
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return where(pointer) + " (" + expected.getNodeType() + " in the file, " + actual.getNodeType() + " in the import)";
        }
        if (expected.isObject()) {
            if (expected.size() != actual.size()) {
                List<String> missing = new ArrayList<>();
                expected.fieldNames().forEachRemaining(f -> { if (!actual.has(f)) missing.add(f); });
                List<String> extra = new ArrayList<>();
                actual.fieldNames().forEachRemaining(f -> { if (!expected.has(f)) extra.add(f); });
                return where(pointer) + " (missing " + missing + ", extra " + extra + ")";
            }
            for (Iterator<String> fields = expected.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!actual.has(field)) {
                    return where(pointer + "/" + field) + " (missing)";
                }
                String difference = firstDifference(expected.get(field), actual.get(field), pointer + "/" + field);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return where(pointer) + " (" + expected.size() + " elements in the file, " + actual.size() + " in the import)";
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = firstDifference(expected.get(i), actual.get(i), pointer + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : where(pointer);
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }
}

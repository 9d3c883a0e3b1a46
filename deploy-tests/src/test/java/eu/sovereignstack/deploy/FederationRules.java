package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The settings that make catalog nodes a federation agree with each other and with the realms of the overlay. The
 * services are read as they read their environment ({@link ContainerEnv}), with the names of their
 * application.properties:
 * <ul>
 *   <li>a service's OIDC tenants: the default one ({@code SOVEREIGN_OIDC_URL}, issuer {@code QUARKUS_OIDC_TOKEN_ISSUER}),
 *       "partner" unless {@code SOVEREIGN_OIDC_PARTNER_ENABLED=false} ({@code SOVEREIGN_OIDC_PARTNER_URL},
 *       {@code QUARKUS_OIDC_PARTNER_TOKEN_ISSUER}), and each {@code name=URL} of {@code SOVEREIGN_FEDERATION_MEMBERS}
 *       ({@code QUARKUS_OIDC_<NAME>_TOKEN_ISSUER}). A tenant without an explicit issuer takes its realm's (discovery);</li>
 *   <li>a catalog node is a Deployment named catalog-service: {@code CATALOG_NODE_NAME} (default sovereign),
 *       {@code CATALOG_NODE_ISSUER} (default the default tenant's URL), {@code CATALOG_FEDERATION_PEERS} ({@code name=URL},
 *       comma separated), its feed token from {@code QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL} (default
 *       {@code SOVEREIGN_OIDC_URL}) for the client {@code CATALOG_FEDERATION_CLIENT_ID} (default sovereign-services)
 *       with the secret {@code CATALOG_FEDERATION_CLIENT_SECRET}.</li>
 * </ul>
 * A realm URL names a realm of the overlay when it is {@code http://<keycloak>-service[.<namespace>.svc]:<port>/realms/<realm>}
 * (or the Keycloak's public hostname with that path) and a KeycloakRealmImport of that Keycloak imports the realm;
 * the realm's issuer is {@code <spec.hostname.hostname>/realms/<realm>}, as Keycloak puts it in every token.
 */
final class FederationRules {

    static final String NODE = "catalog-service";
    static final String DEFAULT_NODE_NAME = "sovereign";
    static final String DEFAULT_CLIENT_ID = "sovereign-services";
    /** The realm roles a node's feed token needs: read the catalog, and its change feed. */
    static final List<String> FEED_ROLES = List.of("catalog-viewer", "catalog-auditor");
    /** The gateway maps /api/v1/catalog/** to the catalog-service's /api/v1/**: a peer's API is there. */
    static final String PEER_API_PATH = "/api/v1/catalog";

    private static final Pattern REALM_URL = Pattern.compile(
            "(https?://[^/]+)/realms/([^/]+)/?");
    private static final Pattern IN_CLUSTER = Pattern.compile(
            "https?://([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?)?(:(\\d+))?(/.*)?");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private FederationRules() {
    }

    /** A realm of the overlay: where its Keycloak runs, its import, and the issuer its tokens carry. */
    record Realm(String namespace, String keycloak, String name, String issuer, ObjectNode realmImport) {
    }

    /** An OIDC tenant of a service: its name, realm URL and explicit issuer (null: the realm's own). */
    record Tenant(String name, String url, String issuer) {
    }

    /** A service's container and its environment. */
    record Workload(Deployment deployment, String namespace, String owner, Container container, ContainerEnv env) {

        Optional<String> get(String variable) {
            return env.literal(variable).filter(v -> !v.isBlank());
        }
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(issuers(overlay));
        problems.addAll(nodeIssuers(overlay));
        problems.addAll(feedTokens(overlay));
        problems.addAll(peers(overlay));
        return problems;
    }

    static List<Workload> workloads(RenderedOverlay overlay) {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment deployment : overlay.all(Deployment.class)) {
            if (deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                    || deployment.getSpec().getTemplate().getSpec() == null
                    || deployment.getSpec().getTemplate().getSpec().getContainers() == null) {
                continue;
            }
            String namespace = PodSets.namespace(deployment);
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                workloads.add(new Workload(deployment, namespace, PodSets.describe(deployment), container,
                        ContainerEnv.of(overlay, namespace, container)));
            }
        }
        return workloads;
    }

    static List<Workload> nodes(RenderedOverlay overlay) {
        return workloads(overlay).stream().filter(w -> w.deployment().getMetadata().getName().equals(NODE)).toList();
    }

    /** The realm a URL names, seen from a pod in {@code namespace}; empty when it is no realm of the overlay. */
    static Optional<Realm> realm(RenderedOverlay overlay, String namespace, String url) {
        Matcher realmUrl = REALM_URL.matcher(url == null ? "" : url);
        if (!realmUrl.matches()) {
            return Optional.empty();
        }
        String base = realmUrl.group(1);
        String realmName = realmUrl.group(2);
        for (ObjectNode keycloak : overlay.custom(CustomResources.KEYCLOAK)) {
            String name = keycloak.path("metadata").path("name").asText();
            String keycloakNamespace = PodSets.namespace(keycloak);
            String hostname = stripSlash(keycloak.path("spec").path("hostname").path("hostname").asText(""));
            Matcher inCluster = IN_CLUSTER.matcher(base);
            boolean internal = inCluster.matches() && inCluster.group(1).equals(name + "-service")
                    && (inCluster.group(4) == null ? namespace : inCluster.group(4)).equals(keycloakNamespace);
            boolean published = !hostname.isEmpty() && hostname.equals(base);
            if (!internal && !published) {
                continue;
            }
            for (ObjectNode realmImport : overlay.custom(CustomResources.KEYCLOAK_REALM_IMPORT)) {
                if (PodSets.namespace(realmImport).equals(keycloakNamespace)
                        && name.equals(realmImport.path("spec").path("keycloakCRName").asText())
                        && realmName.equals(realmImport.path("spec").path("realm").path("realm").asText())) {
                    return Optional.of(new Realm(keycloakNamespace, name, realmName, hostname + "/realms/" + realmName, realmImport));
                }
            }
        }
        return Optional.empty();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The tenants a service configures (none for a container without SOVEREIGN_OIDC_URL). */
    static List<Tenant> tenants(Workload workload) {
        List<Tenant> tenants = new ArrayList<>();
        Optional<String> url = workload.get("SOVEREIGN_OIDC_URL");
        if (url.isEmpty()) {
            return tenants;
        }
        tenants.add(new Tenant("default", url.get(), workload.get("QUARKUS_OIDC_TOKEN_ISSUER").orElse(null)));
        boolean partner = !"false".equalsIgnoreCase(workload.get("SOVEREIGN_OIDC_PARTNER_ENABLED").orElse("true"));
        if (partner) {
            // Without a URL the tenant points at the application's default, 127.0.0.1: no realm of a cluster.
            tenants.add(new Tenant("partner", workload.get("SOVEREIGN_OIDC_PARTNER_URL").orElse("(unset)"),
                    workload.get("QUARKUS_OIDC_PARTNER_TOKEN_ISSUER").orElse(null)));
        }
        nameUrlList(workload.get("SOVEREIGN_FEDERATION_MEMBERS").orElse("")).forEach((name, memberUrl) ->
                tenants.add(new Tenant(name, memberUrl, workload.get("QUARKUS_OIDC_" + name.toUpperCase(Locale.ROOT).replace('-', '_')
                        + "_TOKEN_ISSUER").orElse(null))));
        return tenants;
    }

    /** The issuer a tenant accepts: its explicit one, else its realm's; null when neither is known. */
    static String acceptedIssuer(RenderedOverlay overlay, Workload workload, Tenant tenant) {
        if (tenant.issuer() != null) {
            return tenant.issuer();
        }
        return realm(overlay, workload.namespace(), tenant.url()).map(Realm::issuer).orElse(null);
    }

    /** name=value, comma separated, in order (entries without '=' are kept with an empty name). */
    static Map<String, String> nameUrlList(String list) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            entries.put(equals < 0 ? "" : trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
        }
        return entries;
    }

    /**
     * Every tenant of every service names a realm of the overlay, and an explicit issuer is that realm's issuer (a
     * token carries the Keycloak's public hostname, whatever URL the service fetches keys from).
     */
    static List<String> issuers(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(overlay)) {
            for (Tenant tenant : tenants(workload)) {
                String where = workload.owner() + " tenant " + tenant.name();
                Optional<Realm> realm = realm(overlay, workload.namespace(), tenant.url());
                if (realm.isEmpty()) {
                    problems.add(where + ": " + tenant.url() + " names no realm of the overlay (a Keycloak's -service, or its"
                            + " public hostname, and /realms/<a realm a KeycloakRealmImport imports into it>)");
                } else if (tenant.issuer() != null && !tenant.issuer().equals(realm.get().issuer())) {
                    problems.add(where + ": issuer " + tenant.issuer() + " is not the issuer of the realm it names ("
                            + realm.get().issuer() + ", from Keycloak " + realm.get().namespace() + "/" + realm.get().keycloak()
                            + " spec.hostname.hostname): its tokens would be refused");
                }
            }
        }
        return problems;
    }

    static String nodeIssuer(Workload node) {
        return node.get("CATALOG_NODE_ISSUER").orElse(node.get("SOVEREIGN_OIDC_URL").orElse(null));
    }

    static String nodeName(Workload node) {
        return node.get("CATALOG_NODE_NAME").orElse(DEFAULT_NODE_NAME);
    }

    /**
     * A catalog node's issuer (CATALOG_NODE_ISSUER) is the issuer its own realm's tokens carry, the one its default
     * tenant accepts: the node's seed and entries are that member's, and that realm's platform-admins moderate them.
     */
    static List<String> nodeIssuers(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload node : nodes(overlay)) {
            Optional<Tenant> own = tenants(node).stream().filter(t -> t.name().equals("default")).findFirst();
            if (own.isEmpty()) {
                problems.add(node.owner() + ": no SOVEREIGN_OIDC_URL, so no realm of its own");
                continue;
            }
            String expected = acceptedIssuer(overlay, node, own.get());
            String actual = nodeIssuer(node);
            if (!Objects.equals(expected, actual)) {
                problems.add(node.owner() + ": CATALOG_NODE_ISSUER " + (node.get("CATALOG_NODE_ISSUER").isPresent() ? "" : "(unset, so SOVEREIGN_OIDC_URL) ")
                        + "is " + actual + ", but its own realm's tokens carry the issuer " + expected);
            }
        }
        return problems;
    }

    /**
     * A node that follows peers fetches its feed token from its own realm, as a client of that realm whose service
     * account holds the feed's roles, with a secret read from a Secret that is the client's secret in that realm (the
     * same value, or the Secret the realm import's placeholder for it reads).
     */
    static List<String> feedTokens(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload node : nodes(overlay)) {
            if (nameUrlList(node.get("CATALOG_FEDERATION_PEERS").orElse("")).isEmpty()) {
                continue;
            }
            String tokenUrl = node.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL").orElse(node.get("SOVEREIGN_OIDC_URL").orElse(""));
            Optional<Realm> realm = realm(overlay, node.namespace(), tokenUrl);
            if (realm.isEmpty()) {
                problems.add(node.owner() + ": fetches its feed token from " + tokenUrl + ", which names no realm of the overlay");
                continue;
            }
            if (!realm.get().issuer().equals(nodeIssuer(node))) {
                problems.add(node.owner() + ": fetches its feed token from realm " + realm.get().name() + " (issuer "
                        + realm.get().issuer() + "), not from its own realm (issuer " + nodeIssuer(node) + ")");
            }
            String clientId = node.get("CATALOG_FEDERATION_CLIENT_ID").orElse(DEFAULT_CLIENT_ID);
            JsonNode realmJson = realm.get().realmImport().path("spec").path("realm");
            Optional<JsonNode> client = stream(realmJson.path("clients")).filter(c -> clientId.equals(c.path("clientId").asText())).findFirst();
            String realmName = Manifests.describe(realm.get().realmImport());
            if (client.isEmpty()) {
                problems.add(node.owner() + ": its feed client " + clientId + " is not a client of " + realmName);
                continue;
            }
            for (String role : FEED_ROLES) {
                boolean held = stream(realmJson.path("users")).anyMatch(u -> clientId.equals(u.path("serviceAccountClientId").asText())
                        && stream(u.path("realmRoles")).anyMatch(r -> role.equals(r.asText())));
                if (!held) {
                    problems.add(node.owner() + ": the service account of " + clientId + " in " + realmName
                            + " lacks the realm role " + role + ", which the peers' feeds require");
                }
            }
            Optional<ContainerEnv.Value> secret = node.env().value("CATALOG_FEDERATION_CLIENT_SECRET");
            if (secret.isEmpty() || !secret.get().fromSecret()) {
                problems.add(node.owner() + ": CATALOG_FEDERATION_CLIENT_SECRET is " + (secret.isEmpty()
                        ? "unset (the application's dev-only default)" : "a plain value from " + secret.get().source())
                        + "; read it from a Secret");
                continue;
            }
            problems.addAll(sameSecret(overlay, node, secret.get().secret(), realm.get(), client.get()));
        }
        return problems;
    }

    /**
     * A workload reads a client's secret from a Secret that is that client's secret in the realm: the Secret the realm
     * import's placeholder for it reads, or, for a literal secret in the realm, a Secret of the overlay with that value.
     */
    static List<String> sameSecret(RenderedOverlay overlay, Workload node, SecretKeySelector reference, Realm realm, JsonNode client) {
        String realmName = Manifests.describe(realm.realmImport());
        String clientSecret = client.path("secret").asText("");
        String read = "Secret " + reference.getName() + " key " + reference.getKey();
        Matcher placeholder = PLACEHOLDER.matcher(clientSecret);
        if (placeholder.matches()) {
            JsonNode filled = realm.realmImport().path("spec").path("placeholders").path(placeholder.group(1)).path("secret");
            if (!reference.getName().equals(filled.path("name").asText()) || !reference.getKey().equals(filled.path("key").asText())) {
                return List.of(node.owner() + ": reads " + read + ", but " + realmName + " fills the client's secret "
                        + clientSecret + " from Secret " + filled.path("name").asText("(none)") + " key " + filled.path("key").asText("(none)"));
            }
            return List.of();
        }
        Optional<Secret> present = overlay.all(Secret.class).stream()
                .filter(s -> PodSets.namespace(s).equals(node.namespace()) && s.getMetadata().getName().equals(reference.getName())).findFirst();
        if (present.isEmpty()) {
            return List.of(node.owner() + ": reads " + read + ", which is not in the overlay, while " + realmName
                    + " gives the client a literal secret: nothing makes them equal (use a placeholder filled from that Secret)");
        }
        String value = secretValue(present.get(), reference.getKey());
        if (!clientSecret.equals(value)) {
            return List.of(node.owner() + ": reads " + read + ", whose value is not the secret " + realmName
                    + " gives its client " + client.path("clientId").asText());
        }
        return List.of();
    }

    private static String secretValue(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return null;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    /**
     * Each peer a node follows (CATALOG_FEDERATION_PEERS name=URL) is the catalog API of another namespace's gateway:
     * {@code http://<service>.<namespace>.svc:<port>/api/v1/catalog}, a Service of the gateway's pods; that gateway
     * sends catalog calls to the catalog node of its own namespace, which is called {@code name}; and both the
     * gateway and that node trust this node's issuer (one of their tenants accepts it), or the feed is refused.
     */
    static List<String> peers(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Workload> workloads = workloads(overlay);
        for (Workload node : nodes(overlay)) {
            Map<String, String> peers = nameUrlList(node.get("CATALOG_FEDERATION_PEERS").orElse(""));
            String issuer = nodeIssuer(node);
            for (Map.Entry<String, String> peer : peers.entrySet()) {
                String where = node.owner() + " peer " + peer.getKey() + "=" + peer.getValue();
                if (!peer.getKey().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                    problems.add(where + ": the name is not a slug");
                }
                if (peer.getKey().equals(nodeName(node))) {
                    problems.add(where + ": the node's own name");
                }
                Matcher url = IN_CLUSTER.matcher(peer.getValue());
                if (!url.matches() || url.group(8) == null) {
                    problems.add(where + ": not http://<gateway service>.<namespace>.svc:<port>" + PEER_API_PATH);
                    continue;
                }
                String namespace = url.group(4) == null ? node.namespace() : url.group(4);
                int port = Integer.parseInt(url.group(8));
                String path = url.group(9) == null ? "" : stripSlash(url.group(9));
                if (namespace.equals(node.namespace())) {
                    problems.add(where + ": names the node's own namespace");
                    continue;
                }
                if (!path.equals(PEER_API_PATH)) {
                    problems.add(where + ": the path is " + (path.isEmpty() ? "empty" : path) + ", not " + PEER_API_PATH
                            + " (the gateway's catalog API, whose changes the node reads)");
                }
                Optional<Workload> gateway = servedBy(overlay, workloads, namespace, url.group(1), port);
                if (gateway.isEmpty()) {
                    problems.add(where + ": names no Service (port " + port + ") of a Deployment in namespace " + namespace);
                    continue;
                }
                String backend = gateway.get().get("GATEWAY_BACKENDS_CATALOG_URL").orElse("");
                Matcher backendUrl = IN_CLUSTER.matcher(backend);
                Optional<Workload> peerNode = backendUrl.matches() && backendUrl.group(8) != null
                        ? servedBy(overlay, workloads, backendUrl.group(4) == null ? namespace : backendUrl.group(4),
                        backendUrl.group(1), Integer.parseInt(backendUrl.group(8)))
                        : Optional.empty();
                if (peerNode.isEmpty() || !peerNode.get().deployment().getMetadata().getName().equals(NODE)
                        || !peerNode.get().namespace().equals(namespace)) {
                    problems.add(where + ": " + gateway.get().owner() + " is not a gateway to the catalog node of its namespace"
                            + " (GATEWAY_BACKENDS_CATALOG_URL=" + (backend.isEmpty() ? "(unset)" : backend) + ")");
                    continue;
                }
                if (!nodeName(peerNode.get()).equals(peer.getKey())) {
                    problems.add(where + ": the node there is called " + nodeName(peerNode.get()) + " (CATALOG_NODE_NAME)");
                }
                for (Workload checker : List.of(gateway.get(), peerNode.get())) {
                    Set<String> accepted = new LinkedHashSet<>();
                    tenants(checker).forEach(t -> accepted.add(acceptedIssuer(overlay, checker, t)));
                    if (!accepted.contains(issuer)) {
                        problems.add(where + ": " + checker.owner() + " does not trust this node's issuer " + issuer
                                + " (it accepts " + accepted + "), so it refuses the node's feed token");
                    }
                }
            }
        }
        return problems;
    }

    /** The Deployment whose pods a Service {@code name} in {@code namespace} sends {@code port} to. */
    static Optional<Workload> servedBy(RenderedOverlay overlay, List<Workload> workloads, String namespace, String name, int port) {
        Optional<Service> service = overlay.all(Service.class).stream()
                .filter(s -> PodSets.namespace(s).equals(namespace) && s.getMetadata().getName().equals(name)
                        && s.getSpec() != null && s.getSpec().getPorts() != null
                        && s.getSpec().getPorts().stream().anyMatch(p -> Objects.equals(p.getPort(), port)))
                .findFirst();
        if (service.isEmpty()) {
            return Optional.empty();
        }
        return workloads.stream().filter(w -> w.namespace().equals(namespace)
                && w.deployment().getSpec().getTemplate().getMetadata() != null
                && PodSets.selects(service.get().getSpec().getSelector(), w.deployment().getSpec().getTemplate().getMetadata().getLabels()))
                .findFirst();
    }

    /** Every catalog node of the overlay follows every other one (the federation example's members all mirror each other). */
    static List<String> everyNodeFollowsEveryOther(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<Workload> nodes = nodes(overlay);
        for (Workload node : nodes) {
            Set<String> followed = new LinkedHashSet<>();
            for (String url : nameUrlList(node.get("CATALOG_FEDERATION_PEERS").orElse("")).values()) {
                Matcher matcher = IN_CLUSTER.matcher(url);
                if (matcher.matches()) {
                    followed.add(matcher.group(4) == null ? node.namespace() : matcher.group(4));
                }
            }
            for (Workload other : nodes) {
                if (!other.namespace().equals(node.namespace()) && !followed.contains(other.namespace())) {
                    problems.add(node.owner() + ": does not follow the catalog node of namespace " + other.namespace());
                }
            }
        }
        return problems;
    }
}

package eu.sovereignstack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The assessment-service's jobs (assessments answered 202 Accepted, run by workers) call the catalog-service with a
 * token of their own, not the caller's: client credentials of the client {@code ASSESSMENT_JOBS_CLIENT_ID} (default
 * sovereign-services) with the secret {@code ASSESSMENT_JOBS_CLIENT_SECRET} (default {@value #DEFAULT_CLIENT_SECRET},
 * the demo realm's), from the token endpoint of {@code QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL} (default
 * {@code SOVEREIGN_OIDC_URL}). The services are read as they read their environment ({@link ContainerEnv}); realms and
 * Secrets as {@link FederationRules} reads them.
 */
final class AssessmentJobsRules {

    static final String SERVICE = "assessment-service";
    static final String DEFAULT_CLIENT_ID = "sovereign-services";
    /** The application's default (assessment.jobs.client-secret), the demo realm's sovereign-services secret. */
    static final String DEFAULT_CLIENT_SECRET = "dev-only-services-secret";
    /** The catalog's resolve endpoint, which a job calls, requires this realm role. */
    static final String CATALOG_ROLE = "catalog-viewer";

    private AssessmentJobsRules() {
    }

    static List<String> all(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        problems.addAll(jobTokens(overlay));
        problems.addAll(sameSecretAsCatalogNode(overlay));
        problems.addAll(keycloakReachable(overlay));
        return problems;
    }

    static List<FederationRules.Workload> services(RenderedOverlay overlay) {
        return FederationRules.workloads(overlay).stream().filter(w -> w.deployment().getMetadata().getName().equals(SERVICE)).toList();
    }

    static String tokenUrl(FederationRules.Workload service) {
        return service.get("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL").orElse(service.get("SOVEREIGN_OIDC_URL").orElse(""));
    }

    static String clientId(FederationRules.Workload service) {
        return service.get("ASSESSMENT_JOBS_CLIENT_ID").orElse(DEFAULT_CLIENT_ID);
    }

    /**
     * A job's token is one the realm gives: its URL names a realm of the overlay, the client is a client of that realm
     * whose service account may read the catalog, and the secret is that client's secret there. Left unset, the secret
     * is the application's dev-only default, right only for a realm whose client has that very secret; set, it is read
     * from a Secret that is the client's secret (the Secret the import's placeholder reads, or one with the realm's
     * value). The catalog-service the jobs call accepts the realm's issuer.
     */
    static List<String> jobTokens(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<FederationRules.Workload> workloads = FederationRules.workloads(overlay);
        for (FederationRules.Workload service : services(overlay)) {
            String tokenUrl = tokenUrl(service);
            Optional<FederationRules.Realm> realm = FederationRules.realm(overlay, service.namespace(), tokenUrl);
            if (realm.isEmpty()) {
                problems.add(service.owner() + ": its jobs fetch their token from " + (tokenUrl.isEmpty() ? "(unset)" : tokenUrl)
                        + ", which names no realm of the overlay");
                continue;
            }
            String realmName = Manifests.describe(realm.get().realmImport());
            String clientId = clientId(service);
            JsonNode realmJson = realm.get().realmImport().path("spec").path("realm");
            Optional<JsonNode> client = FederationRules.stream(realmJson.path("clients"))
                    .filter(c -> clientId.equals(c.path("clientId").asText())).findFirst();
            if (client.isEmpty()) {
                problems.add(service.owner() + ": its jobs' client " + clientId + " is not a client of " + realmName);
                continue;
            }
            boolean mayRead = FederationRules.stream(realmJson.path("users")).anyMatch(u -> clientId.equals(u.path("serviceAccountClientId").asText())
                    && FederationRules.stream(u.path("realmRoles")).anyMatch(r -> CATALOG_ROLE.equals(r.asText())));
            if (!mayRead) {
                problems.add(service.owner() + ": the service account of " + clientId + " in " + realmName + " lacks the realm role "
                        + CATALOG_ROLE + ", which the catalog's resolve requires of a job's token");
            }
            problems.addAll(secret(overlay, service, realm.get(), client.get()));
            catalogOf(overlay, workloads, service).ifPresent(catalog -> {
                Set<String> accepted = new LinkedHashSet<>();
                FederationRules.tenants(catalog).forEach(t -> accepted.add(FederationRules.acceptedIssuer(overlay, catalog, t)));
                if (!accepted.contains(realm.get().issuer())) {
                    problems.add(service.owner() + ": its jobs' tokens carry the issuer " + realm.get().issuer() + ", which "
                            + catalog.owner() + " does not accept (it accepts " + accepted + ")");
                }
            });
        }
        return problems;
    }

    private static List<String> secret(RenderedOverlay overlay, FederationRules.Workload service, FederationRules.Realm realm, JsonNode client) {
        String realmName = Manifests.describe(realm.realmImport());
        Optional<ContainerEnv.Value> secret = service.env().value("ASSESSMENT_JOBS_CLIENT_SECRET");
        if (secret.isPresent() && secret.get().fromSecret()) {
            return FederationRules.sameSecret(overlay, service, secret.get().secret(), realm, client);
        }
        if (secret.isPresent()) {
            return List.of(service.owner() + ": ASSESSMENT_JOBS_CLIENT_SECRET is a plain value from " + secret.get().source()
                    + "; read it from a Secret");
        }
        String clientSecret = client.path("secret").asText("");
        if (clientSecret.equals(DEFAULT_CLIENT_SECRET)) {
            return List.of();
        }
        Matcher placeholder = FederationRules.PLACEHOLDER.matcher(clientSecret);
        JsonNode filled = placeholder.matches()
                ? realm.realmImport().path("spec").path("placeholders").path(placeholder.group(1)).path("secret") : null;
        return List.of(service.owner() + ": ASSESSMENT_JOBS_CLIENT_SECRET is unset (the application's default "
                + DEFAULT_CLIENT_SECRET + "), but " + realmName + " gives its client " + client.path("clientId").asText()
                + (filled == null ? " another secret" : " the secret of Secret " + filled.path("name").asText("(none)")
                + " key " + filled.path("key").asText("(none)")) + ": its jobs would get no token; read it from that Secret");
    }

    /** The catalog-service a service's QUARKUS_REST_CLIENT_CATALOG_URL names (empty when it names none: Flows reports that). */
    private static Optional<FederationRules.Workload> catalogOf(RenderedOverlay overlay, List<FederationRules.Workload> workloads,
                                                                 FederationRules.Workload service) {
        Optional<URI> url = uri(service.get("QUARKUS_REST_CLIENT_CATALOG_URL").orElse(""));
        if (url.isEmpty() || url.get().getHost() == null) {
            return Optional.empty();
        }
        String[] host = url.get().getHost().split("\\.");
        String namespace = host.length >= 3 && host[2].equals("svc") ? host[1] : service.namespace();
        return FederationRules.servedBy(overlay, workloads, namespace, host[0], port(url.get()));
    }

    /**
     * Where a catalog node of the assessment-service's namespace reads the secret of the same client from a Secret
     * (CATALOG_FEDERATION_CLIENT_SECRET), the assessment-service reads the same Secret and key: one secret to rotate.
     */
    static List<String> sameSecretAsCatalogNode(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        for (FederationRules.Workload service : services(overlay)) {
            Optional<SecretKeySelector> own = service.env().value("ASSESSMENT_JOBS_CLIENT_SECRET")
                    .filter(ContainerEnv.Value::fromSecret).map(ContainerEnv.Value::secret);
            for (FederationRules.Workload node : FederationRules.nodes(overlay)) {
                Optional<SecretKeySelector> nodes = node.env().value("CATALOG_FEDERATION_CLIENT_SECRET")
                        .filter(ContainerEnv.Value::fromSecret).map(ContainerEnv.Value::secret);
                if (!node.namespace().equals(service.namespace()) || nodes.isEmpty()
                        || !node.get("CATALOG_FEDERATION_CLIENT_ID").orElse(FederationRules.DEFAULT_CLIENT_ID).equals(clientId(service))) {
                    continue;
                }
                if (own.isEmpty() || !Objects.equals(own.get().getName(), nodes.get().getName())
                        || !Objects.equals(own.get().getKey(), nodes.get().getKey())) {
                    problems.add(service.owner() + ": " + node.owner() + " reads the secret of client " + clientId(service)
                            + " from Secret " + nodes.get().getName() + " key " + nodes.get().getKey()
                            + ", the assessment-service's ASSESSMENT_JOBS_CLIENT_SECRET "
                            + own.map(s -> "from Secret " + s.getName() + " key " + s.getKey()).orElse("not from a Secret")
                            + ": read one Secret, so that rotating it reaches both");
                }
            }
        }
        return problems;
    }

    /**
     * The assessment-service reaches the Keycloak its jobs' tokens come from, in the cluster: its egress and Keycloak's
     * ingress allow the connection, on the token URL's port.
     */
    static List<String> keycloakReachable(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<PodSets.PodSet> pods = PodSets.of(overlay);
        List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class);
        for (FederationRules.Workload service : services(overlay)) {
            String tokenUrl = tokenUrl(service);
            Optional<FederationRules.Realm> realm = FederationRules.realm(overlay, service.namespace(), tokenUrl);
            Optional<URI> url = uri(tokenUrl);
            if (realm.isEmpty() || url.isEmpty()) {
                continue; // jobTokens reports it
            }
            if (!url.get().getHost().split("\\.")[0].equals(realm.get().keycloak() + "-service")) {
                problems.add(service.owner() + ": its jobs fetch their token from " + tokenUrl + ", outside the cluster; use "
                        + realm.get().keycloak() + "-service, as for the realm's keys");
                continue;
            }
            PodSets.PodSet from = pods.stream().filter(p -> p.workload() == service.deployment()).findFirst().orElseThrow();
            List<PodSets.PodSet> keycloak = pods.stream().filter(p -> p.namespace().equals(realm.get().namespace()) && p.spec() == null
                    && "keycloak".equals(p.labels().get("app")) && realm.get().keycloak().equals(p.labels().get("app.kubernetes.io/instance"))).toList();
            for (PodSets.PodSet to : keycloak) {
                Flows.Flow flow = new Flows.Flow(from, to, port(url.get()), null, "the jobs' token endpoint " + tokenUrl);
                if (!Flows.allowed(policies, flow, true)) {
                    problems.add(flow + ": no NetworkPolicy of the assessment-service allows this egress");
                }
                if (!Flows.allowed(policies, flow, false)) {
                    problems.add(flow + ": no NetworkPolicy of Keycloak admits the assessment-service");
                }
            }
        }
        return problems;
    }

    private static Optional<URI> uri(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }
}

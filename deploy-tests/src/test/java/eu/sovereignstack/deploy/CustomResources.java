package eu.sovereignstack.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed checks of the operators' custom resources, as a fallback for their CRD schemas.
 *
 * <p>The CRDs' openAPIV3Schemas are not available to this build. The build reaches Maven Central only, and neither
 * operator publishes its CRDs there (the Keycloak Operator is not on Maven Central at all). Copies exist on GitHub, but
 * the only way to bring one into this repository was to transcribe it by hand: the CloudNativePG Cluster CRD is
 * ~390 KB, and no copy of the Keycloak CRDs at the project's Keycloak version was found. So instead each custom
 * resource is bound, with unknown properties and scalar coercions as errors ({@link Manifests#STRICT}), to records
 * that mirror the operators' own types for the fields these manifests use:
 * <ul>
 *   <li>Keycloak and KeycloakRealmImport ({@code k8s.keycloak.org/v2alpha1}): the field names and types of the
 *       operator's {@code org.keycloak.operator.crds.v2alpha1} classes ({@code KeycloakSpec}, {@code DatabaseSpec},
 *       {@code HttpSpec}, {@code HostnameSpec}, {@code ProxySpec}, {@code IngressSpec}, {@code FeatureSpec},
 *       {@code BootstrapAdminSpec}, {@code NetworkPolicySpec}, {@code HttpManagementSpec}, {@code ValueOrSecret},
 *       {@code KeycloakRealmImportSpec}, {@code Placeholder}) in keycloak/keycloak (Apache-2.0; where versions of a
 *       class differ, the union of their fields), from which the published CRDs are generated. The realm itself is
 *       bound to Keycloak's own {@link RealmRepresentation} (org.keycloak:keycloak-core at the project's Keycloak
 *       version), which is what the operator reads it into.</li>
 *   <li>CloudNativePG Cluster and ImageCatalog ({@code postgresql.cnpg.io/v1}): the json names of the
 *       {@code ClusterSpec} and {@code ImageCatalogSpec} fields of the CloudNativePG API reference (Apache-2.0); the
 *       parts these manifests use (postgresql, bootstrap.initdb, storage, imageCatalogRef, monitoring, affinity,
 *       secret references) are typed, the others are only name-checked.</li>
 *   <li>ServiceMonitor and PrometheusRule ({@code monitoring.coreos.com/v1}): the json names of the Prometheus
 *       Operator's {@code ServiceMonitorSpec}, {@code Endpoint}, {@code NamespaceSelector}, {@code PrometheusRuleSpec},
 *       {@code RuleGroup} and {@code Rule} (prometheus-operator/prometheus-operator, pkg/apis/monitoring/v1,
 *       Apache-2.0); authorization, TLS and relabelling settings are only name-checked.</li>
 * </ul>
 * Kubernetes types inside them (resources, affinity, env, metadata) are the fabric8 models, walked by
 * {@link UnknownFields}. A record lacking a field the operator does know makes a check fail with the field's name:
 * add the field (from the operator's type) to the record, never loosen the mapper.
 */
final class CustomResources {

    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";
    static final String KEYCLOAK = "k8s.keycloak.org/v2alpha1/Keycloak";
    static final String CNPG_IMAGE_CATALOG = "postgresql.cnpg.io/v1/ImageCatalog";
    static final String KEYCLOAK_REALM_IMPORT = "k8s.keycloak.org/v2alpha1/KeycloakRealmImport";
    static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";
    static final String PROMETHEUS_RULE = "monitoring.coreos.com/v1/PrometheusRule";

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");

    private CustomResources() {
    }

    /** Problems of one custom resource: unknown or mistyped fields, a missing spec or required field. */
    static List<String> check(ObjectNode resource) {
        String key = TypedModels.typeKey(resource);
        Class<? extends Record> specType = switch (key) {
            case CNPG_CLUSTER -> ClusterSpec.class;
            case CNPG_IMAGE_CATALOG -> ImageCatalogSpec.class;
            case KEYCLOAK -> KeycloakSpec.class;
            case KEYCLOAK_REALM_IMPORT -> KeycloakRealmImportSpec.class;
            case SERVICE_MONITOR -> ServiceMonitorSpec.class;
            case PROMETHEUS_RULE -> PrometheusRuleSpec.class;
            default -> null;
        };
        String name = Manifests.describe(resource);
        List<String> problems = new ArrayList<>();
        if (specType == null) {
            problems.add(name + ": not a known custom resource (" + key + ")");
            return problems;
        }
        for (Iterator<String> fields = resource.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!TOP_LEVEL.contains(field)) {
                problems.add(name + ": unknown top-level field " + field);
            }
        }
        problems.addAll(bind(name, "metadata", resource.path("metadata"), ObjectMeta.class));
        if (!resource.path("spec").isObject()) {
            problems.add(name + ": no spec");
            return problems;
        }
        Object spec;
        try {
            spec = Manifests.STRICT.treeToValue(resource.get("spec"), specType);
        } catch (Exception e) {
            problems.add(name + ": spec: " + Manifests.explain(e));
            return problems;
        }
        for (String unknown : UnknownFields.of(spec)) {
            problems.add(name + ": spec." + unknown);
        }
        if (spec instanceof Required required) {
            for (String missing : required.missing()) {
                problems.add(name + ": spec." + missing + " is required");
            }
        }
        return problems;
    }

    /**
     * References between the custom resources: a Cluster's image catalog exists and has its major version, images
     * are pinned, a Keycloak's database host is a Cluster's service, a realm import names a Keycloak of its namespace.
     */
    static List<String> references(RenderedOverlay overlay) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> catalogs = overlay.custom(CNPG_IMAGE_CATALOG);
        List<ObjectNode> clusters = overlay.custom(CNPG_CLUSTER);
        List<ObjectNode> keycloaks = overlay.custom(KEYCLOAK);
        for (ObjectNode catalog : catalogs) {
            for (JsonNode image : catalog.path("spec").path("images")) {
                WorkloadRules.imageProblem(image.path("image").asText(null))
                        .ifPresent(p -> problems.add(Manifests.describe(catalog) + ": major " + image.path("major") + ": " + p));
            }
        }
        for (ObjectNode cluster : clusters) {
            String name = Manifests.describe(cluster);
            JsonNode spec = cluster.path("spec");
            JsonNode ref = spec.path("imageCatalogRef");
            if (spec.hasNonNull("imageName")) {
                WorkloadRules.imageProblem(spec.path("imageName").asText()).ifPresent(p -> problems.add(name + ": spec.imageName: " + p));
            } else if (ref.isObject()) {
                String kind = ref.path("kind").asText();
                String catalogName = ref.path("name").asText();
                if (!"postgresql.cnpg.io".equals(ref.path("apiGroup").asText()) || !"ImageCatalog".equals(kind)) {
                    problems.add(name + ": spec.imageCatalogRef is not a postgresql.cnpg.io ImageCatalog of the overlay (" + ref + ")");
                } else {
                    List<ObjectNode> found = catalogs.stream().filter(c -> PodSets.namespace(c).equals(PodSets.namespace(cluster))
                            && c.path("metadata").path("name").asText().equals(catalogName)).toList();
                    if (found.isEmpty()) {
                        problems.add(name + ": spec.imageCatalogRef names ImageCatalog " + catalogName + ", which is not in its namespace");
                    } else {
                        boolean hasMajor = false;
                        for (JsonNode image : found.get(0).path("spec").path("images")) {
                            hasMajor |= image.path("major").equals(ref.path("major"));
                        }
                        if (!hasMajor) {
                            problems.add(name + ": ImageCatalog " + catalogName + " has no image for major " + ref.path("major"));
                        }
                    }
                }
            } else {
                problems.add(name + ": neither spec.imageName nor spec.imageCatalogRef: the PostgreSQL image would depend on the operator's version");
            }
        }
        for (ObjectNode keycloak : keycloaks) {
            String name = Manifests.describe(keycloak);
            JsonNode spec = keycloak.path("spec");
            if (spec.hasNonNull("image")) {
                WorkloadRules.imageProblem(spec.path("image").asText()).ifPresent(p -> problems.add(name + ": spec.image: " + p));
            }
            String host = spec.path("db").path("host").asText("");
            if (host.matches(".*-(rw|ro|r)(\\..*)?")) {
                String clusterName = host.replaceAll("-(rw|ro|r)(\\..*)?$", "");
                boolean found = clusters.stream().anyMatch(c -> c.path("metadata").path("name").asText().equals(clusterName));
                if (!found) {
                    problems.add(name + ": spec.db.host " + host + " is the service of no CloudNativePG Cluster " + clusterName + " of the overlay");
                }
            }
        }
        for (ObjectNode realmImport : overlay.custom(KEYCLOAK_REALM_IMPORT)) {
            String keycloakName = realmImport.path("spec").path("keycloakCRName").asText("");
            boolean found = keycloaks.stream().anyMatch(k -> PodSets.namespace(k).equals(PodSets.namespace(realmImport))
                    && k.path("metadata").path("name").asText().equals(keycloakName));
            if (!found) {
                problems.add(Manifests.describe(realmImport) + ": spec.keycloakCRName " + keycloakName
                        + " is no Keycloak of its namespace in the overlay");
            }
        }
        return problems;
    }

    private static List<String> bind(String name, String path, JsonNode node, Class<?> type) {
        try {
            Object value = Manifests.STRICT.treeToValue(node, type);
            return UnknownFields.of(value).stream().map(p -> name + ": " + path + "." + p).toList();
        } catch (Exception e) {
            return List.of(name + ": " + path + ": " + Manifests.explain(e));
        }
    }

    /** A spec with fields its operator requires. */
    interface Required {
        List<String> missing();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Keycloak Operator, k8s.keycloak.org/v2alpha1 (org.keycloak.operator.crds.v2alpha1.*)

    /** {@code KeycloakSpec}. */
    record KeycloakSpec(
            Integer instances,
            String image,
            Boolean startOptimized,
            List<LocalObjectReference> imagePullSecrets,
            List<ValueOrSecret> additionalOptions,
            List<ValueOrSecret> env,
            HttpSpec http,
            JsonNode unsupported,
            IngressSpec ingress,
            FeatureSpec features,
            JsonNode transaction,
            DatabaseSpec db,
            HostnameSpec hostname,
            JsonNode truststores,
            JsonNode cache,
            ResourceRequirements resources,
            ProxySpec proxy,
            HttpManagementSpec httpManagement,
            JsonNode scheduling,
            BootstrapAdminSpec bootstrapAdmin,
            NetworkPolicySpec networkPolicy,
            JsonNode tracing,
            JsonNode update,
            JsonNode readinessProbe,
            JsonNode livenessProbe,
            JsonNode startupProbe,
            JsonNode serviceMonitor,
            @JsonProperty("import") JsonNode importSpec) {
    }

    /** {@code ValueOrSecret}: an option given as a value or as a reference to a Secret key. */
    record ValueOrSecret(String name, String value, SecretKeySelector secret) {
    }

    /** {@code HttpSpec}. */
    record HttpSpec(String tlsSecret, Boolean httpEnabled, Integer httpPort, Integer httpsPort) {
    }

    /** {@code IngressSpec}: the operator's own Ingress (created unless {@code enabled: false}). */
    record IngressSpec(Boolean enabled, String className, Map<String, String> annotations, String tlsSecret) {
    }

    /** {@code FeatureSpec}. */
    record FeatureSpec(List<String> enabled, List<String> disabled) {
    }

    /** {@code DatabaseSpec}. */
    record DatabaseSpec(
            String vendor,
            SecretKeySelector usernameSecret,
            SecretKeySelector passwordSecret,
            String database,
            String host,
            Integer port,
            String schema,
            String url,
            Integer poolInitialSize,
            Integer poolMinSize,
            Integer poolMaxSize) {
    }

    /** {@code HostnameSpec} (hostname v2). */
    record HostnameSpec(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    /** {@code ProxySpec}. */
    record ProxySpec(String headers) {
    }

    /** {@code HttpManagementSpec}. */
    record HttpManagementSpec(Integer port) {
    }

    /** {@code BootstrapAdminSpec}: the names of Secrets holding the bootstrap admin user or service account. */
    record BootstrapAdminSpec(SecretName user, SecretName service) {
    }

    record SecretName(String secret) {
    }

    /** {@code NetworkPolicySpec}: the operator's own NetworkPolicy (created unless {@code enabled: false}). */
    record NetworkPolicySpec(Boolean enabled, List<NetworkPolicyPeer> http, List<NetworkPolicyPeer> https,
            List<NetworkPolicyPeer> management) {
    }

    /** {@code KeycloakRealmImportSpec}: keycloakCRName and realm are required. */
    record KeycloakRealmImportSpec(
            String keycloakCRName,
            RealmRepresentation realm,
            Map<String, Placeholder> placeholders,
            Boolean replacePlaceholders,
            Map<String, String> labels,
            ResourceRequirements resources) implements Required {
        @Override
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (keycloakCRName == null || keycloakCRName.isBlank()) {
                missing.add("keycloakCRName");
            }
            if (realm == null) {
                missing.add("realm");
            }
            return missing;
        }
    }

    /** {@code Placeholder}: a realm placeholder filled from a Secret key. */
    record Placeholder(SecretKeySelector secret) {
    }

    // ----------------------------------------------------------------------------------------------------------
    // CloudNativePG, postgresql.cnpg.io/v1 (ClusterSpec of the CloudNativePG API reference)

    /** {@code ClusterSpec}. */
    record ClusterSpec(
            String description,
            InheritedMetadata inheritedMetadata,
            String imageName,
            ImageCatalogRef imageCatalogRef,
            String imagePullPolicy,
            String schedulerName,
            Long postgresUID,
            Long postgresGID,
            Integer instances,
            Integer minSyncReplicas,
            Integer maxSyncReplicas,
            PostgresConfiguration postgresql,
            JsonNode replicationSlots,
            BootstrapConfiguration bootstrap,
            JsonNode replica,
            LocalObjectReference superuserSecret,
            Boolean enableSuperuserAccess,
            JsonNode certificates,
            List<LocalObjectReference> imagePullSecrets,
            StorageConfiguration storage,
            JsonNode serviceAccountTemplate,
            StorageConfiguration walStorage,
            JsonNode ephemeralVolumeSource,
            Integer startDelay,
            Integer stopDelay,
            Integer smartShutdownTimeout,
            Integer switchoverDelay,
            Integer failoverDelay,
            Integer livenessProbeTimeout,
            AffinityConfiguration affinity,
            List<TopologySpreadConstraint> topologySpreadConstraints,
            ResourceRequirements resources,
            JsonNode ephemeralVolumesSizeLimit,
            String priorityClassName,
            String primaryUpdateStrategy,
            String primaryUpdateMethod,
            JsonNode backup,
            JsonNode nodeMaintenanceWindow,
            MonitoringConfiguration monitoring,
            JsonNode externalClusters,
            String logLevel,
            JsonNode projectedVolumeTemplate,
            List<EnvVar> env,
            List<EnvFromSource> envFrom,
            JsonNode managed,
            JsonNode seccompProfile,
            JsonNode tablespaces,
            Boolean enablePDB,
            JsonNode plugins,
            JsonNode probes,
            PodSecurityContext podSecurityContext,
            SecurityContext securityContext) {
    }

    /** {@code ImageCatalogRef}: a TypedLocalObjectReference to an ImageCatalog or ClusterImageCatalog, and the major version. */
    record ImageCatalogRef(String apiGroup, String kind, String name, Integer major) {
    }

    /** {@code ImageCatalogSpec}: the PostgreSQL image of each major version. */
    record ImageCatalogSpec(List<CatalogImage> images) implements Required {
        @Override
        public List<String> missing() {
            return images == null || images.isEmpty() ? List.of("images") : List.of();
        }
    }

    /** {@code CatalogImage}. */
    record CatalogImage(String image, Integer major) {
    }

    record InheritedMetadata(Map<String, String> labels, Map<String, String> annotations) {
    }

    /** {@code PostgresConfiguration}. */
    record PostgresConfiguration(
            Map<String, String> parameters,
            JsonNode synchronous,
            @JsonProperty("pg_hba") List<String> pgHba,
            @JsonProperty("pg_ident") List<String> pgIdent,
            @JsonProperty("shared_preload_libraries") List<String> sharedPreloadLibraries,
            JsonNode ldap,
            Integer promotionTimeout,
            Boolean enableAlterSystem,
            JsonNode extensions) {
    }

    /** {@code BootstrapConfiguration}. */
    record BootstrapConfiguration(
            BootstrapInitDB initdb,
            JsonNode recovery,
            @JsonProperty("pg_basebackup") JsonNode pgBasebackup) {
    }

    /** {@code BootstrapInitDB}. */
    record BootstrapInitDB(
            String database,
            String owner,
            LocalObjectReference secret,
            List<String> options,
            Boolean dataChecksums,
            String encoding,
            String localeCollate,
            String localeCType,
            String locale,
            String localeProvider,
            String icuLocale,
            String icuRules,
            String builtinLocale,
            Integer walSegmentSize,
            List<String> postInitSQL,
            List<String> postInitApplicationSQL,
            List<String> postInitTemplateSQL,
            JsonNode postInitSQLRefs,
            JsonNode postInitApplicationSQLRefs,
            JsonNode postInitTemplateSQLRefs,
            @JsonProperty("import") JsonNode importSpec) {
    }

    /** {@code StorageConfiguration}. */
    record StorageConfiguration(
            String storageClass,
            String size,
            Boolean resizeInUseVolumes,
            PersistentVolumeClaimSpec pvcTemplate) {
    }

    /** {@code MonitoringConfiguration}. */
    record MonitoringConfiguration(
            Boolean disableDefaultQueries,
            JsonNode customQueriesConfigMap,
            JsonNode customQueriesSecret,
            Boolean enablePodMonitor,
            JsonNode tls,
            JsonNode podMonitorMetricRelabelings,
            JsonNode podMonitorRelabelings) {
    }

    /** {@code AffinityConfiguration}. */
    record AffinityConfiguration(
            Boolean enablePodAntiAffinity,
            String topologyKey,
            Map<String, String> nodeSelector,
            NodeAffinity nodeAffinity,
            List<Toleration> tolerations,
            String podAntiAffinityType,
            JsonNode additionalPodAntiAffinity,
            JsonNode additionalPodAffinity) {
    }

    // ----------------------------------------------------------------------------------------------------------
    // Prometheus Operator, monitoring.coreos.com/v1 (pkg/apis/monitoring/v1)

    /** {@code ServiceMonitorSpec}. */
    record ServiceMonitorSpec(
            String jobLabel,
            List<String> targetLabels,
            List<String> podTargetLabels,
            List<MonitorEndpoint> endpoints,
            LabelSelector selector,
            String selectorMechanism,
            MonitorNamespaceSelector namespaceSelector,
            Long sampleLimit,
            List<String> scrapeProtocols,
            String fallbackScrapeProtocol,
            Long targetLimit,
            Long labelLimit,
            Long labelNameLengthLimit,
            Long labelValueLengthLimit,
            Long nativeHistogramBucketLimit,
            JsonNode nativeHistogramMinBucketFactor,
            Boolean scrapeClassicHistograms,
            Boolean convertClassicHistogramsToNHCB,
            Long keepDroppedTargets,
            JsonNode attachMetadata,
            String scrapeClass,
            String bodySizeLimit,
            String serviceDiscoveryRole) implements Required {

        @Override
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (selector == null) {
                missing.add("selector");
            }
            if (endpoints == null || endpoints.isEmpty()) {
                missing.add("endpoints");
            }
            return missing;
        }
    }

    /** {@code Endpoint} (of a ServiceMonitor). */
    record MonitorEndpoint(
            String port,
            IntOrString targetPort,
            String path,
            String scheme,
            Map<String, List<String>> params,
            String interval,
            String scrapeTimeout,
            JsonNode tlsConfig,
            String bearerTokenFile,
            JsonNode bearerTokenSecret,
            JsonNode authorization,
            Boolean honorLabels,
            Boolean honorTimestamps,
            Boolean trackTimestampsStaleness,
            JsonNode basicAuth,
            JsonNode oauth2,
            JsonNode metricRelabelings,
            JsonNode relabelings,
            String proxyUrl,
            String noProxy,
            Boolean proxyFromEnvironment,
            JsonNode proxyConnectHeader,
            Boolean followRedirects,
            Boolean enableHttp2,
            Boolean filterRunning) {
    }

    /** {@code NamespaceSelector}. */
    record MonitorNamespaceSelector(Boolean any, List<String> matchNames) {
    }

    /** {@code PrometheusRuleSpec}. */
    record PrometheusRuleSpec(List<RuleGroup> groups) implements Required {

        @Override
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (groups == null || groups.isEmpty()) {
                missing.add("groups");
                return missing;
            }
            for (int g = 0; g < groups.size(); g++) {
                RuleGroup group = groups.get(g);
                if (group.name() == null || group.name().isBlank()) {
                    missing.add("groups[" + g + "].name");
                }
                List<Rule> rules = group.rules() == null ? List.of() : group.rules();
                for (int r = 0; r < rules.size(); r++) {
                    Rule rule = rules.get(r);
                    if (rule.expr() == null || rule.expr().isBlank()) {
                        missing.add("groups[" + g + "].rules[" + r + "].expr");
                    }
                    if ((rule.alert() == null) == (rule.record() == null)) {
                        missing.add("groups[" + g + "].rules[" + r + "].alert or record (exactly one)");
                    }
                }
            }
            return missing;
        }
    }

    /** {@code RuleGroup}. */
    record RuleGroup(
            String name,
            Map<String, String> labels,
            String interval,
            @JsonProperty("query_offset") String queryOffset,
            List<Rule> rules,
            @JsonProperty("partial_response_strategy") String partialResponseStrategy,
            Integer limit) {
    }

    /** {@code Rule}. */
    record Rule(
            String record,
            String alert,
            String expr,
            @JsonProperty("for") String forDuration,
            @JsonProperty("keep_firing_for") String keepFiringFor,
            Map<String, String> labels,
            Map<String, String> annotations) {
    }
}

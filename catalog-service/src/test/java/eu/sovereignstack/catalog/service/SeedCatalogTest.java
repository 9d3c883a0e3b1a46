package eu.sovereignstack.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.contract.Delivery;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.PackageUrl;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductMatcher;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.OfferingRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.repository.ProviderRepository;
import eu.sovereignstack.common.licence.LicenceExpression;
import eu.sovereignstack.common.licence.SpdxLicences;

/** The shipped seed catalog is complete where the design asks and consistent with the licence rules. */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class SeedCatalogTest {

    /** Named in DESIGN.md and the catalog issue: the catalog must know every one of them. */
    private static final Set<String> REQUIRED = Set.of(
            "vmware-vsphere", "microsoft-365", "microsoft-teams", "slack", "zoom", "okta", "microsoft-entra-id",
            "google-workspace", "aws-s3", "amazon-eks", "oracle-database", "atlassian-jira", "github", "salesforce",
            "proxmox-ve", "opennebula", "openstack", "kubernetes", "ceph", "minio", "garage", "postgresql", "keycloak",
            "lemonldap-ng", "nextcloud", "bluemind", "cryptpad", "exo-platform", "collabora-online", "zimbra",
            "element", "jitsi-meet", "bigbluebutton", "linphone", "xivo", "vllm", "backstage", "open-vsx",
            "gitlab-ce", "forgejo", "grafana", "prometheus", "opentelemetry-collector");

    /** Seed rows have ids below 1000 (the sequences start above); the tests add products, providers and offerings of their own. */
    private static final String SEEDED = "id < 1000";

    @Inject
    ProductRepository products;
    @Inject
    AlternativeRepository alternatives;
    @Inject
    ProviderRepository providers;
    @Inject
    OfferingRepository offerings;
    @Inject
    SpdxLicences licences;

    @Test
    @Transactional
    void holdsEveryProductTheDesignNames() {
        List<Product> all = products.listAll();
        assertTrue(all.size() >= 80, "at least 80 products, found " + all.size());
        List<String> missing = REQUIRED.stream().filter(slug -> products.findBySlug(slug).isEmpty()).sorted().toList();
        assertEquals(List.of(), missing);
    }

    @Test
    @Transactional
    void coversWhatOrganisationsRunAndWhereTheyGo() {
        assertTrue(products.count(SEEDED) >= 250, "at least 250 products, found " + products.count(SEEDED));
        assertTrue(providers.count(SEEDED) >= 35, "at least 35 providers, found " + providers.count(SEEDED));
        assertTrue(offerings.count(SEEDED) >= 120, "at least 120 offerings, found " + offerings.count(SEEDED));
        List<String> estate = List.of("microsoft-active-directory", "microsoft-exchange-server", "microsoft-sharepoint-server",
                "microsoft-windows-server", "microsoft-hyper-v", "microsoft-intune", "microsoft-power-bi", "microsoft-copilot",
                "azure-openai", "microsoft-teams", "microsoft-onedrive", "microsoft-exchange-online", "azure-virtual-machines",
                "azure-blob-storage", "azure-kubernetes-service", "azure-sql-database", "aws-ec2", "aws-s3", "amazon-eks",
                "amazon-rds", "aws-lambda", "amazon-dynamodb", "amazon-sqs", "amazon-cloudfront", "amazon-bedrock",
                "aws-iam-identity-center", "google-workspace", "google-kubernetes-engine", "google-bigquery", "google-vertex-ai",
                "google-cloud-storage", "atlassian-jira", "slack", "zoom", "webex", "salesforce", "servicenow", "okta", "github",
                "docker-hub", "cloudflare", "datadog", "splunk", "oracle-database", "vmware-vsphere", "vmware-vsan", "vmware-nsx",
                "vmware-horizon", "citrix-virtual-apps-and-desktops",
                "openldap", "freeipa", "samba", "wazo-platform", "sylva", "gardener", "opendesk", "datafari", "shapash",
                "mistral-small", "llama-3-1");
        assertEquals(List.of(), estate.stream().filter(slug -> products.findBySlug(slug).isEmpty()).toList());
    }

    /**
     * Every entry is dated and sourced, and every fact it states carries its evidence: an
     * architect can answer "where does this come from?" for each.
     */
    @Test
    @Transactional
    void everyStatedFactCarriesItsEvidence() {
        List<String> unsourced = new ArrayList<>();
        for (Product p : products.list(SEEDED)) {
            Map<String, Boolean> states = new LinkedHashMap<>();
            states.put("entry", true);
            states.put("licence", true);
            states.put("steward", true);
            states.put("governance", true);
            states.put("ultimateParent", p.ultimateParentName != null);
            states.put("standards", p.standards != null && !p.standards.isEmpty());
            states.put("certifications", !p.certifications.isEmpty());
            states.put("dataLocations", !p.dataLocations.isEmpty());
            states.put("health", p.latestReleaseDate != null || p.releasesLast12Months != null
                    || p.contributorsLast12Months != null || p.topOrganisationShare != null);
            states.put("basedOn", p.basedOn != null);
            states.put("delivery", p.delivery != null);
            states.forEach((fact, stated) -> {
                if (stated && !p.evidence.containsKey(fact)) {
                    unsourced.add("product " + p.slug + ": " + fact);
                }
            });
        }
        for (Provider p : providers.list(SEEDED)) {
            Map<String, Boolean> states = Map.of("entry", true, "country", true,
                    "ultimateParent", p.ultimateParentName != null, "certifications", !p.certifications.isEmpty(),
                    "pue", p.pue != null, "renewableShare", p.renewableShare != null,
                    "climateNeutralDataCentrePact", p.climateNeutralDataCentrePact != null);
            states.forEach((fact, stated) -> {
                if (stated && !p.evidence.containsKey(fact)) {
                    unsourced.add("provider " + p.slug + ": " + fact);
                }
            });
        }
        for (Offering o : offerings.list(SEEDED)) {
            if (!o.evidence.containsKey("entry") || !o.countries.isEmpty() && !o.evidence.containsKey("dataLocations")
                    || o.keyCustody != null && !o.evidence.containsKey("keyCustody")) {
                unsourced.add("offering " + o.name);
            }
        }
        assertEquals(List.of(), unsourced);
        assertEquals(0, providers.count("factsAsOf is null") + offerings.count("factsAsOf is null"));
    }

    /**
     * A seeded service based on an open product names another product that is open-source
     * software, with the evidence that it runs it; the CNCF-certified hosted Kubernetes services
     * run Kubernetes.
     */
    @Test
    @Transactional
    void everySeededBaseIsOpenSourceSoftwareAndSourced() {
        List<Product> based = products.list(SEEDED + " and basedOn is not null order by slug");
        List<String> problems = new ArrayList<>();
        for (Product service : based) {
            Product base = products.findBySlug(service.basedOn).orElse(null);
            if (service.kind != ProductKind.SERVICE) {
                problems.add(service.slug + " is no SERVICE");
            }
            if (base == null || base.kind != ProductKind.SOFTWARE || !base.openSource) {
                problems.add(service.slug + ": " + service.basedOn + " is not open-source software");
            }
            Evidence evidence = service.evidence.get("basedOn");
            if (evidence == null || evidence.source() == null || evidence.asOf() == null || evidence.method() == null) {
                problems.add(service.slug + ": basedOn has no evidence");
            }
        }
        assertEquals(List.of(), problems);
        Map<String, String> baseOf = new HashMap<>();
        based.forEach(p -> baseOf.put(p.slug, p.basedOn));
        for (String certified : List.of("amazon-eks", "azure-kubernetes-service", "google-kubernetes-engine", "exoscale-sks",
                "ionos-managed-kubernetes", "ovhcloud-managed-kubernetes", "scaleway-kapsule", "stackit-kubernetes-engine")) {
            assertEquals("kubernetes", baseOf.get(certified), certified);
            assertEquals("Certified Kubernetes - Hosted", products.findBySlug(certified).orElseThrow().evidence.get("basedOn").excerpt(),
                    certified);
        }
        assertEquals("ceph", baseOf.get("hetzner-object-storage"));
        assertEquals("openstack", baseOf.get("ovhcloud-public-cloud"));
        assertEquals("openstack", baseOf.get("open-telekom-cloud"));
        assertEquals("forgejo", baseOf.get("codeberg"));
        assertEquals("element", baseOf.get("tchap"));
        // S3 compatibility alone is a standard, not a base
        assertEquals(null, baseOf.get("aws-s3"));
        assertEquals(null, baseOf.get("ionos-object-storage"));
    }

    /**
     * A seeded delivery is on a SOFTWARE product and carries its evidence; the desktop office suite
     * is a DEVICE application and the collaboration suites that replace SaaS are SERVER ones, so
     * that an assessment never takes one for the other.
     */
    @Test
    @Transactional
    void everySeededDeliveryIsOnSoftwareAndSourced() {
        List<Product> delivered = products.list(SEEDED + " and delivery is not null order by slug");
        List<String> problems = new ArrayList<>();
        Map<String, Delivery> deliveryOf = new HashMap<>();
        for (Product product : delivered) {
            deliveryOf.put(product.slug, product.delivery);
            if (product.kind != ProductKind.SOFTWARE) {
                problems.add(product.slug + " is no SOFTWARE");
            }
            Evidence evidence = product.evidence.get("delivery");
            if (evidence == null || evidence.source() == null || evidence.asOf() == null || evidence.method() == null
                    || evidence.excerpt() == null) {
                problems.add(product.slug + ": delivery has no evidence with an excerpt");
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Delivery.DEVICE, deliveryOf.get("libreoffice"));
        assertEquals(Delivery.DEVICE, deliveryOf.get("microsoft-windows"));
        for (String server : List.of("nextcloud", "cryptpad", "onlyoffice-docs", "collabora-online", "element", "mattermost",
                "jitsi-meet", "bigbluebutton", "zimbra", "roundcube", "sogo")) {
            assertEquals(Delivery.SERVER, deliveryOf.get(server), server);
        }
        // no service has one
        assertEquals(0, products.count(SEEDED + " and delivery is not null and kind <> ?1", ProductKind.SOFTWARE));
    }

    @Test
    @Transactional
    void derivedLicenceFactsMatchTheRules() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Product product : products.listAll()) {
            LicenceExpression expected = licences.analyse(product.licenceExpression);
            if (!expected.licenceIds().equals(product.licenceIds) || expected.family() != product.licenceFamily
                    || expected.openSource() != product.openSource) {
                mismatches.add(product.slug + ": stored " + product.licenceIds + "/" + product.licenceFamily + "/"
                        + product.openSource + ", rules say " + expected);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    @Transactional
    void everyProprietaryProductHasAnAlternativeAndEveryFactIsDated() {
        List<String> orphans = products.list("openSource", false).stream()
                .filter(product -> alternatives.replacing(product).isEmpty())
                .map(product -> product.slug)
                .toList();
        assertEquals(List.of(), orphans);
        assertEquals(0, products.count("factsAsOf is null"));
    }

    @Test
    @Transactional
    void seededIdentifiersAreCanonicalAndBelongToOneProductEach() {
        List<Product> all = products.list("order by slug");
        List<String> problems = new ArrayList<>();
        Map<String, String> ownerOfName = new HashMap<>();
        Map<String, String> ownerOfPackage = new HashMap<>();
        for (Product product : all) {
            for (String purl : product.purls) {
                if (!purl.equals(PackageUrl.canonical(purl))) {
                    problems.add(product.slug + ": " + purl + " is not canonical");
                }
                String owner = ownerOfPackage.putIfAbsent(PackageUrl.packageKey(purl).orElseThrow(), product.slug);
                if (owner != null && !owner.equals(product.slug)) {
                    problems.add(purl + " belongs to " + owner + " and " + product.slug);
                }
            }
            List<String> names = new ArrayList<>(product.aliases);
            names.add(product.name);
            names.add(product.slug);
            for (String name : names) {
                String owner = ownerOfName.putIfAbsent(ProductMatcher.normalise(name), product.slug);
                if (owner != null && !owner.equals(product.slug)) {
                    problems.add("'" + name + "' names " + owner + " and " + product.slug);
                }
            }
            if (!product.aliases.equals(product.aliases.stream().map(String::trim).distinct().toList())) {
                problems.add(product.slug + ": aliases are not trimmed and distinct");
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(all.stream().filter(p -> !p.purls.isEmpty()).count() >= 40, "at least 40 products with purls");
        assertEquals(List.of(), all.stream().filter(p -> !p.openSource && p.aliases.isEmpty()).map(p -> p.slug).toList(),
                "every proprietary product has aliases");
    }
}

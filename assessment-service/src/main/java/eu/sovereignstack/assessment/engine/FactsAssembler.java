package eu.sovereignstack.assessment.engine;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.model.FindingFact;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.assessment.engine.rules.Fact;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.Health;
import eu.sovereignstack.catalog.contract.KeyCustody;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolvedOffering;
import eu.sovereignstack.catalog.contract.ResolvedProduct;
import eu.sovereignstack.catalog.contract.Steward;
import eu.sovereignstack.catalog.contract.UltimateParent;
import eu.sovereignstack.common.jurisdiction.Jurisdiction;
import eu.sovereignstack.common.licence.InvalidLicenceException;
import eu.sovereignstack.common.licence.LicenceExpression;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * Combines what the catalog knows about a product with how the organisation uses it into the
 * facts the rules read. Who operates an item: the organisation when self-hosted, the vendor
 * for SaaS (unless the inventory names someone else), the named provider when managed.
 */
final class FactsAssembler {

    /** The public registries a purl's type names when it gives no other repository. */
    private static final Map<String, String> REGISTRIES = Map.ofEntries(
            Map.entry("maven", "Maven Central"), Map.entry("npm", "the npm registry"), Map.entry("pypi", "PyPI"),
            Map.entry("gem", "RubyGems"), Map.entry("cargo", "crates.io"), Map.entry("nuget", "the NuGet Gallery"),
            Map.entry("golang", "the Go module mirror"), Map.entry("composer", "Packagist"), Map.entry("hex", "Hex"),
            Map.entry("pub", "pub.dev"), Map.entry("deb", "a Linux distribution's archive"),
            Map.entry("rpm", "a Linux distribution's archive"), Map.entry("apk", "a Linux distribution's archive"),
            Map.entry("github", "a public GitHub repository"), Map.entry("docker", "Docker Hub"));

    private final SpdxLicences licences;
    private final LocalDate today;
    private final Energy ownEnergy;

    /**
     * {@code today}: the day the facts are judged on; {@code ownEnergy}: the organisation's own
     * data centre's energy facts from the inventory, null when it gave none.
     */
    FactsAssembler(SpdxLicences licences, LocalDate today, Energy ownEnergy) {
        this.licences = licences;
        this.today = today;
        this.ownEnergy = ownEnergy;
    }

    /**
     * Everything the rules will read about an item: its facts as used today, and the facts of
     * every way out the catalog offers, each as the organisation would use it after the switch.
     * The candidates, in this order: the same open product run in house or by an EU provider (for
     * software operated by others today), then the catalog's "alternative to" relations, then the
     * open products of the same category, each in every way the organisation could run it. {@code product} is empty when the catalog does not know
     * the item; then there are no candidates.
     */
    Situation situation(InventoryItem item, Optional<ResolvedProduct> product, Map<String, ResolvedProduct> catalog) {
        if (product.isEmpty()) {
            return new Situation(unknownComponent(item), List.of());
        }
        ResolvedProduct current = product.get();
        List<Candidate> candidates = new ArrayList<>();
        if (current.product().openSource() && current.product().kind() != ProductKind.SERVICE
                && item.deployment().model() != DeploymentModel.SELF_HOSTED) {
            candidates.addAll(ways(item, current, "SAME_PRODUCT", null));
        }
        Map<String, ResolvedProduct.Alternative> stated = new LinkedHashMap<>();
        current.alternatives().forEach(a -> stated.putIfAbsent(a.product(), a));
        List<String> slugs = new ArrayList<>(stated.keySet());
        current.sameCategory().stream().filter(slug -> !stated.containsKey(slug)).forEach(slugs::add);
        slugs.remove(current.product().slug());
        for (String slug : slugs) {
            ResolvedProduct candidate = catalog.get(slug);
            ResolvedProduct.Alternative relation = stated.get(slug);
            if (candidate != null) {
                candidates.addAll(ways(item, candidate, relation == null ? "SAME_CATEGORY" : Objects.toString(relation.fit(), null),
                        relation == null ? null : relation.notes()));
            }
        }
        return new Situation(facts(item, item.deployment(), current, false), candidates);
    }

    /**
     * The catalog's products as they run: a service the catalog says is based on an open product
     * ({@code basedOn}) keeps that product's licence, standards and project health, and the
     * providers that run the product count as ways to move it; what the provider adds (who runs it,
     * where, its terms and certifications) stays the service's own.
     */
    static Map<String, ResolvedProduct> asRun(Map<String, ResolvedProduct> catalog) {
        Map<String, ResolvedProduct> products = new LinkedHashMap<>();
        catalog.forEach((slug, resolved) -> {
            String basedOn = resolved.product().basedOn();
            ResolvedProduct base = basedOn == null ? null : catalog.get(basedOn);
            products.put(slug, base == null ? resolved : new ResolvedProduct(runOn(resolved.product(), base.product()),
                    resolved.alternatives(), withBaseOfferings(resolved.offerings(), base.offerings()), resolved.sameCategory()));
        });
        return products;
    }

    private static ProductView runOn(ProductView service, ProductView base) {
        List<String> standards = service.standards() == null && base.standards() == null ? null
                : new ArrayList<>(new LinkedHashSet<>(concat(service.standards(), base.standards())));
        boolean ownHealth = service.health() != null && !service.health().empty();
        Map<String, Evidence> evidence = new LinkedHashMap<>(service.evidence());
        putIfKnown(evidence, "licence", base.evidence().get("licence"));
        if (!ownHealth) {
            putIfKnown(evidence, "health", base.evidence().get("health"));
        }
        return new ProductView(service.slug(), service.name(), service.kind(), service.basedOn(), service.delivery(), service.category(),
                service.description(), service.steward(), base.licence(), base.licenceIds(), base.licenceFamily(), base.openSource(),
                service.governance(), service.deploymentModels(), standards, service.certifications(), service.dataLocations(),
                service.euJurisdiction(), service.website(), service.sourceRepository(), service.purls(), service.aliases(),
                ownHealth ? service.health() : base.health(), service.factsAsOf(), evidence, service.createdAt(),
                service.updatedAt(), service.version(), service.origin(), service.assertions());
    }

    private static List<ResolvedOffering> withBaseOfferings(List<ResolvedOffering> own, List<ResolvedOffering> base) {
        Map<String, ResolvedOffering> byProvider = new LinkedHashMap<>();
        own.forEach(offering -> byProvider.putIfAbsent(offering.provider(), offering));
        base.forEach(offering -> byProvider.putIfAbsent(offering.provider(), offering));
        return List.copyOf(byProvider.values());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a == null ? List.of() : a);
        all.addAll(b == null ? List.of() : b);
        return all;
    }

    private static void putIfKnown(Map<String, Evidence> evidence, String fact, Evidence value) {
        if (value != null) {
            evidence.put(fact, value);
        }
    }

    /** An item's facts today and those of its ways out. */
    record Situation(ItemFacts current, List<Candidate> candidates) {
    }

    /**
     * A way out: a product, how it fits (with the catalog's notes on the relation, if any), how it
     * would run after the switch and its facts then.
     */
    record Candidate(ResolvedProduct product, String fit, String notes, Deployment target, ItemFacts facts) {
    }

    /**
     * The ways the organisation could run {@code candidate}: a service is used as SaaS from its
     * vendor; software keeps running in house if the item was self-hosted; otherwise software is
     * considered both self-hosted and run by the best EU provider offering it, if one does.
     */
    private List<Candidate> ways(InventoryItem item, ResolvedProduct candidate, String fit, String notes) {
        List<Deployment> targets = new ArrayList<>();
        if (candidate.product().kind() == ProductKind.SERVICE) {
            targets.add(new Deployment(DeploymentModel.SAAS, null, null, List.of()));
        } else {
            targets.add(Deployment.selfHosted());
            if (item.deployment().model() != DeploymentModel.SELF_HOSTED) {
                bestEuOffering(candidate).map(FactsAssembler::managedBy).ifPresent(targets::add);
            }
        }
        return targets.stream()
                .map(target -> new Candidate(candidate, fit, notes, target, facts(item, target, candidate, true)))
                .toList();
    }

    private static Deployment managedBy(ResolvedOffering offering) {
        return new Deployment(DeploymentModel.MANAGED, offering.providerName(), offering.providerCountry(),
                offering.countries().stream().filter(Jurisdiction::isEuEea).toList());
    }

    private static Optional<ResolvedOffering> bestEuOffering(ResolvedProduct product) {
        return product.offerings().stream()
                .filter(o -> Jurisdiction.isEuEea(o.providerControlCountry()))
                .max(Comparator.comparingInt((ResolvedOffering o) -> o.providerCertifications().size())
                        .thenComparing(ResolvedOffering::provider, Comparator.reverseOrder()));
    }

    /**
     * The facts of {@code resolved} run as {@code deployment}: as the organisation uses it today,
     * or as {@code proposed} after a switch.
     */
    private ItemFacts facts(InventoryItem item, Deployment deployment, ResolvedProduct resolved, boolean proposed) {
        ProductView product = resolved.product();
        String about = "product " + product.name();
        Map<String, Evidence> evidence = product.evidence();
        Map<String, List<FindingFact>> sources = new LinkedHashMap<>();
        Optional<ResolvedOffering> offering = deployment.model() == DeploymentModel.MANAGED
                ? offeringOf(resolved, deployment.provider())
                : Optional.empty();

        Steward steward = product.steward();
        String stewardCountry = steward == null ? null : steward.country();
        UltimateParent stewardParent = steward == null ? null : foreign(steward.ultimateParent(), steward.name());
        String stewardControl = stewardParent != null ? stewardParent.country() : stewardCountry;
        add(sources, Fact.LICENCE, FindingFact.of("licence", about, product.licence(), evidence.get("licence")));
        if (product.basedOn() != null) {
            add(sources, Fact.LICENCE, FindingFact.of("basedOn", about, "runs " + product.basedOn() + ", whose licence and standards "
                    + "it keeps", evidence.get("basedOn")));
        }
        add(sources, Fact.GOVERNANCE, FindingFact.of("governance", about,
                product.governance() == null ? null : product.governance().name(), evidence.get("governance")));
        if (steward != null) {
            add(sources, Fact.STEWARD, FindingFact.of("steward", about, steward.name() + " (" + steward.country() + ")",
                    evidence.get("steward")));
            add(sources, Fact.STEWARD, parentFact(about, steward.ultimateParent(), steward.name(), evidence.get("ultimateParent")));
        }

        Operator operator = operator(deployment, offering, steward, stewardParent, sources, about, evidence);
        String operatorControl = operator.parent() != null ? operator.parent().country() : operator.country();

        List<String> locations = dataLocations(item, deployment, proposed, product, offering, sources);
        Boolean dataInEu = locations.isEmpty() ? null : Jurisdiction.allEuEea(locations);

        add(sources, Fact.STANDARDS, product.standards() == null
                ? FindingFact.unknown("standards", about)
                : FindingFact.of("standards", about, product.standards().isEmpty() ? "none" : String.join(", ", product.standards()),
                        evidence.get("standards")));

        List<String> certifications = new ArrayList<>(product.certifications());
        if (!product.certifications().isEmpty()) {
            add(sources, Fact.CERTIFICATIONS, FindingFact.of("certifications", about, String.join(", ", product.certifications()),
                    evidence.get("certifications")));
        }
        offering.ifPresent(o -> {
            certifications.addAll(o.providerCertifications());
            add(sources, Fact.CERTIFICATIONS, FindingFact.of("certifications", "provider " + o.providerName(),
                    o.providerCertifications().isEmpty() ? "none known" : String.join(", ", o.providerCertifications()),
                    o.providerEvidence().get("certifications")));
        });
        boolean certificationsKnown = deployment.model() != DeploymentModel.MANAGED || offering.isPresent()
                || !certifications.isEmpty();

        List<String> euProviders = resolved.offerings().stream()
                .filter(o -> Jurisdiction.isEuEea(o.providerControlCountry()))
                .map(ResolvedOffering::provider)
                .distinct().toList();
        add(sources, Fact.PROVIDERS, FindingFact.derived("providers", "the catalog's offerings of " + product.name(),
                euProviders.isEmpty() ? "no EU-controlled provider" : String.join(", ", euProviders)));

        Health health = product.health();
        add(sources, Fact.PROJECT_HEALTH, health == null || health.empty()
                ? FindingFact.unknown("health", about)
                : FindingFact.of("health", about, describe(health), evidence.get("health")));

        Energy energy = energy(deployment, offering, sources, item);

        KeyCustody keyCustody = offering.map(ResolvedOffering::keyCustody).orElse(null);
        Boolean hsm = offering.map(ResolvedOffering::hsm).orElse(null);
        add(sources, Fact.KEY_CUSTODY, offering.isPresent() && (keyCustody != null || hsm != null)
                ? FindingFact.of("keyCustody", "offering " + offering.get().name(),
                        (keyCustody == null ? "unknown custody" : keyCustody.name()) + (Boolean.TRUE.equals(hsm) ? ", in an HSM" : ""),
                        offering.get().evidence().get("keyCustody"))
                : FindingFact.unknown("keyCustody", offering.map(o -> "offering " + o.name()).orElse(item.name())));

        return new ItemFacts(true, item.name(), product.licenceFamily(), product.openSource(),
                product.governance() == null ? null : product.governance().name(),
                stewardCountry, stewardControl == null ? null : Jurisdiction.isEuEea(stewardControl),
                deployment.model(), operator.country(), operatorControl == null ? null : Jurisdiction.isEuEea(operatorControl),
                dataInEu, product.standards(), euProviders.size(),
                certificationsKnown ? List.copyOf(certifications) : null,
                health == null ? null : health.latestReleaseDate(),
                health == null || health.scorecardScore() == null ? null : health.scorecardScore().doubleValue(),
                item.dataClassification(), item.criticality(), today,
                stewardParent == null ? null : stewardParent.name(), stewardParent == null ? null : stewardParent.country(),
                operator.parent() == null ? null : operator.parent().name(),
                operator.parent() == null ? null : operator.parent().country(),
                keyCustody, hsm, energy,
                health == null ? null : health.contributorsLast12Months(),
                health == null || health.topOrganisationShare() == null ? null : health.topOrganisationShare().doubleValue(),
                sources);
    }

    /**
     * Where the item's data is. Today: where the inventory says; else where the service or the
     * offering stores data, when its regions are all in the EU/EEA or all outside (then the
     * organisation's data is there, whichever region it uses); else unknown, since the
     * organisation's data may be in any of them.
     * After a proposed switch: in the offering's or the service's EU/EEA regions when it has some.
     */
    private static List<String> dataLocations(InventoryItem item, Deployment deployment, boolean proposed, ProductView product,
            Optional<ResolvedOffering> offering, Map<String, List<FindingFact>> sources) {
        if (!proposed && !deployment.dataLocations().isEmpty()) {
            add(sources, Fact.DATA_LOCATION, FindingFact.fromInventory("dataLocations", String.join(", ", deployment.dataLocations())));
            return deployment.dataLocations();
        }
        List<String> regions;
        String about;
        Evidence evidence;
        if (offering.isPresent()) {
            regions = offering.get().countries();
            about = "offering " + offering.get().name();
            evidence = offering.get().evidence().get("dataLocations");
        } else if (deployment.model() == DeploymentModel.SAAS) {
            regions = product.dataLocations();
            about = "product " + product.name();
            evidence = product.evidence().get("dataLocations");
        } else {
            regions = List.of();
            about = item.name();
            evidence = null;
        }
        List<String> eu = regions.stream().filter(Jurisdiction::isEuEea).toList();
        if (proposed && !eu.isEmpty()) {
            add(sources, Fact.DATA_LOCATION, FindingFact.of("dataLocations", about, "its EU/EEA regions " + String.join(", ", eu),
                    evidence));
            return eu;
        }
        if (!regions.isEmpty() && (eu.size() == regions.size() || eu.isEmpty())) {
            add(sources, Fact.DATA_LOCATION, FindingFact.of("dataLocations", about, String.join(", ", regions), evidence));
            return regions;
        }
        add(sources, Fact.DATA_LOCATION, FindingFact.unknown("dataLocations", about));
        return List.of();
    }

    /** Who operates an item, under which law, and the facts that say so. */
    private record Operator(String country, UltimateParent parent) {
    }

    private static Operator operator(Deployment deployment, Optional<ResolvedOffering> offering, Steward steward,
            UltimateParent stewardParent, Map<String, List<FindingFact>> sources, String about, Map<String, Evidence> evidence) {
        switch (deployment.model()) {
            case SELF_HOSTED:
                return new Operator(null, null);
            case SAAS:
                if (deployment.providerCountry() != null) {
                    add(sources, Fact.OPERATOR, FindingFact.fromInventory("operator",
                            Objects.toString(deployment.provider(), "a provider") + " (" + deployment.providerCountry() + ")"));
                    return new Operator(deployment.providerCountry(), null);
                }
                if (steward == null) {
                    add(sources, Fact.OPERATOR, FindingFact.unknown("operator", about));
                    return new Operator(null, null);
                }
                add(sources, Fact.OPERATOR, FindingFact.of("operator", about, "its vendor " + steward.name() + " ("
                        + steward.country() + ")", evidence.get("steward")));
                add(sources, Fact.OPERATOR, parentFact(about, steward.ultimateParent(), steward.name(), evidence.get("ultimateParent")));
                return new Operator(steward.country(), stewardParent);
            default:
                UltimateParent parent = offering.map(o -> foreign(o.providerUltimateParent(), o.providerName())).orElse(null);
                String country = deployment.providerCountry() != null
                        ? deployment.providerCountry()
                        : offering.map(ResolvedOffering::providerCountry).orElse(null);
                if (deployment.providerCountry() != null) {
                    add(sources, Fact.OPERATOR, FindingFact.fromInventory("operator",
                            Objects.toString(deployment.provider(), "a provider") + " (" + deployment.providerCountry() + ")"));
                } else if (offering.isPresent()) {
                    ResolvedOffering o = offering.get();
                    add(sources, Fact.OPERATOR, FindingFact.of("operator", "provider " + o.providerName(),
                            o.providerName() + " (" + o.providerCountry() + ")", o.providerEvidence().get("country")));
                } else {
                    add(sources, Fact.OPERATOR, FindingFact.unknown("operator", Objects.toString(deployment.provider(), about)));
                }
                offering.ifPresent(o -> add(sources, Fact.OPERATOR, parentFact("provider " + o.providerName(),
                        o.providerUltimateParent(), o.providerName(), o.providerEvidence().get("ultimateParent"))));
                return new Operator(country, parent);
        }
    }

    /**
     * The energy facts of whoever runs the item's data centre: the organisation's own (from the
     * inventory) for what it hosts, the provider's for a managed offering; a SaaS vendor's are
     * not in the catalog.
     */
    private Energy energy(Deployment deployment, Optional<ResolvedOffering> offering, Map<String, List<FindingFact>> sources,
            InventoryItem item) {
        if (deployment.model() == DeploymentModel.SELF_HOSTED) {
            if (ownEnergy == null || ownEnergy.empty()) {
                add(sources, Fact.ENVIRONMENT, FindingFact.unknown("energy", "the organisation's data centre"));
                return null;
            }
            add(sources, Fact.ENVIRONMENT, FindingFact.fromInventory("energy", describe(ownEnergy)));
            return ownEnergy;
        }
        Energy energy = offering.map(ResolvedOffering::providerEnergy).orElse(null);
        if (energy == null || energy.empty()) {
            add(sources, Fact.ENVIRONMENT, FindingFact.unknown("energy",
                    offering.map(o -> "provider " + o.providerName()).orElse("the operator of " + item.name())));
            return null;
        }
        ResolvedOffering o = offering.get();
        energyFacts(energy).forEach((fact, text) -> add(sources, Fact.ENVIRONMENT,
                FindingFact.of("energy", "provider " + o.providerName(), text, o.providerEvidence().get(fact))));
        return energy;
    }

    /** The ultimate parent when it is another organisation than {@code self}; null otherwise or when unknown. */
    private static UltimateParent foreign(UltimateParent parent, String self) {
        return parent == null || normalised(parent.name()).equals(normalised(self)) ? null : parent;
    }

    /** What is known of who controls {@code self} in the end. */
    private static FindingFact parentFact(String about, UltimateParent parent, String self, Evidence evidence) {
        if (parent == null) {
            return FindingFact.unknown("ultimateParent", about);
        }
        boolean itself = normalised(parent.name()).equals(normalised(self));
        return FindingFact.of("ultimateParent", about, itself ? "independent (" + self + ")"
                : parent.name() + " (" + parent.country() + ")", evidence);
    }

    private static void add(Map<String, List<FindingFact>> sources, Fact fact, FindingFact finding) {
        sources.computeIfAbsent(fact.key(), key -> new ArrayList<>()).add(finding);
    }

    private static String describe(Health health) {
        List<String> parts = new ArrayList<>();
        String version = health.latestReleaseVersion();
        LocalDate released = health.latestReleaseDate();
        if (version != null || released != null) {
            parts.add("latest release " + (version == null ? released : version + (released == null ? "" : " (" + released + ")")));
        }
        if (health.releasesLast12Months() != null) {
            parts.add(health.releasesLast12Months() + " releases in 12 months");
        }
        if (health.contributorsLast12Months() != null) {
            parts.add(health.contributorsLast12Months() + " contributors in 12 months");
        }
        if (health.topOrganisationShare() != null) {
            parts.add(percent(health.topOrganisationShare()) + " of commits from the most active organisation");
        }
        if (health.scorecardScore() != null) {
            parts.add("OpenSSF Scorecard " + health.scorecardScore());
        }
        return String.join(", ", parts);
    }

    private static String describe(Energy energy) {
        return String.join(", ", energyFacts(energy).values());
    }

    /** Each known energy fact as text, by the name its evidence has. */
    private static Map<String, String> energyFacts(Energy energy) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (energy.pue() != null) {
            facts.put("pue", "PUE " + energy.pue());
        }
        if (energy.renewableShare() != null) {
            facts.put("renewableShare", percent(energy.renewableShare()) + " renewable electricity");
        }
        if (energy.climateNeutralDataCentrePact() != null) {
            facts.put("climateNeutralDataCentrePact", Boolean.TRUE.equals(energy.climateNeutralDataCentrePact())
                    ? "signatory of the Climate Neutral Data Centre Pact" : "not a signatory of the Climate Neutral Data Centre Pact");
        }
        return facts;
    }

    private static String percent(BigDecimal share) {
        return Math.round(share.doubleValue() * 100) + " %";
    }

    /** An item the catalog does not know: only what the inventory itself says (an SBOM's licence). */
    private ItemFacts unknownComponent(InventoryItem item) {
        LicenceExpression licence = null;
        if (item.licence() != null && !item.licence().isBlank()) {
            try {
                licence = licences.analyse(item.licence());
            } catch (InvalidLicenceException e) {
                licence = null;
            }
        }
        Map<String, List<FindingFact>> sources = new LinkedHashMap<>();
        add(sources, Fact.LICENCE, licence == null ? FindingFact.unknown("licence", item.name())
                : FindingFact.fromInventory("licence", licence.expression()));
        Deployment deployment = item.deployment();
        String operatorCountry = deployment.model() == DeploymentModel.SELF_HOSTED ? null : deployment.providerCountry();
        if (operatorCountry != null) {
            add(sources, Fact.OPERATOR, FindingFact.fromInventory("operator",
                    Objects.toString(deployment.provider(), "a provider") + " (" + operatorCountry + ")"));
        }
        if (!deployment.dataLocations().isEmpty()) {
            add(sources, Fact.DATA_LOCATION, FindingFact.fromInventory("dataLocations", String.join(", ", deployment.dataLocations())));
        }
        String registry = registry(item.purl());
        if (registry != null) {
            add(sources, Fact.PACKAGE, FindingFact.fromInventory("package", item.purl() + ", from " + registry));
        }
        if (item.supplier() != null) {
            add(sources, Fact.PACKAGE, FindingFact.fromInventory("supplier", item.supplier()));
        }
        Energy energy = deployment.model() == DeploymentModel.SELF_HOSTED ? energy(deployment, Optional.empty(), sources, item) : null;
        return new ItemFacts(false, item.name(), licence == null ? null : licence.family(),
                licence == null ? null : licence.openSource(), null, null, null,
                deployment.model(), operatorCountry, operatorCountry == null ? null : Jurisdiction.isEuEea(operatorCountry),
                deployment.dataLocations().isEmpty() ? null : Jurisdiction.allEuEea(deployment.dataLocations()),
                null, null, null, null, null, item.dataClassification(), item.criticality(), today,
                null, null, null, null, null, null, energy, null, null, sources, registry);
    }

    /**
     * The public registry a package comes from, by its purl's type; null without a purl, for a
     * type no public registry serves, or when a {@code repository_url} names another repository.
     */
    static String registry(String purl) {
        if (purl == null) {
            return null;
        }
        try {
            PackageURL parsed = new PackageURL(purl);
            Map<String, String> qualifiers = parsed.getQualifiers();
            if (qualifiers != null && qualifiers.containsKey("repository_url")) {
                return null;
            }
            return REGISTRIES.get(parsed.getType());
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    /** The offering of the provider the inventory names, matched tolerantly by name or slug. */
    private static Optional<ResolvedOffering> offeringOf(ResolvedProduct product, String provider) {
        if (provider == null || provider.isBlank()) {
            return Optional.empty();
        }
        String wanted = normalised(provider);
        return product.offerings().stream()
                .filter(o -> normalised(o.provider()).equals(wanted) || normalised(o.providerName()).equals(wanted)
                        || normalised(o.providerName()).startsWith(wanted + " "))
                .findFirst();
    }

    static String normalised(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}

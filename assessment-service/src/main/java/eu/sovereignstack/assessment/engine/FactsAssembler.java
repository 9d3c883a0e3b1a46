package eu.sovereignstack.assessment.engine;

import eu.sovereignstack.catalog.contract.Health;

import eu.sovereignstack.catalog.contract.ResolvedOffering;

import eu.sovereignstack.catalog.contract.ProductKind;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.model.ItemFacts;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolvedProduct;
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

    private final SpdxLicences licences;
    private final LocalDate today;

    /** {@code today}: the day the facts are judged on. */
    FactsAssembler(SpdxLicences licences, LocalDate today) {
        this.licences = licences;
        this.today = today;
    }

    /**
     * Everything the rules will read about an item: its facts as used today, and the facts of
     * every way out the catalog offers, each as the organisation would use it after the switch.
     * The candidates, in this order: the same open product run by an EU provider or in house (for
     * software operated by others today), then the catalog's "alternative to" relations, then the
     * open products of the same category. {@code product} is empty when the catalog does not know
     * the item; then there are no candidates.
     */
    Situation situation(InventoryItem item, Optional<ResolvedProduct> product, Map<String, ResolvedProduct> catalog) {
        if (product.isEmpty()) {
            return new Situation(unknownComponent(item), List.of());
        }
        ResolvedProduct current = product.get();
        List<Candidate> candidates = new ArrayList<>();
        sameProductElsewhere(item, current).ifPresent(candidates::add);
        Map<String, String> fits = new LinkedHashMap<>();
        current.alternatives().forEach(a -> fits.putIfAbsent(a.product(), Objects.toString(a.fit(), null)));
        current.sameCategory().forEach(slug -> fits.putIfAbsent(slug, "SAME_CATEGORY"));
        fits.remove(current.product().slug());
        fits.forEach((slug, fit) -> {
            ResolvedProduct candidate = catalog.get(slug);
            if (candidate != null) {
                Deployment target = targetDeployment(item, candidate);
                candidates.add(new Candidate(candidate, fit, target, facts(item, target, candidate)));
            }
        });
        return new Situation(facts(item, item.deployment(), current), candidates);
    }

    /** An item's facts today and those of its ways out. */
    record Situation(ItemFacts current, List<Candidate> candidates) {
    }

    /** A way out: a product, how it fits, how it would run after the switch and its facts then. */
    record Candidate(ResolvedProduct product, String fit, Deployment target, ItemFacts facts) {
    }

    /** An open product operated by others can often stay: run it with an EU provider, or in house. */
    private Optional<Candidate> sameProductElsewhere(InventoryItem item, ResolvedProduct current) {
        if (!current.product().openSource() || current.product().kind() == ProductKind.SERVICE
                || item.deployment().model() == DeploymentModel.SELF_HOSTED) {
            return Optional.empty();
        }
        Deployment target = bestEuOffering(current).map(FactsAssembler::managedBy).orElse(Deployment.selfHosted());
        return Optional.of(new Candidate(current, "SAME_PRODUCT", target, facts(item, target, current)));
    }

    /**
     * Where a candidate would run: software keeps running where the item ran if it was
     * self-hosted, else moves to the best EU provider offering it (or is self-hosted when none
     * does); a service is used as SaaS from its vendor.
     */
    private static Deployment targetDeployment(InventoryItem item, ResolvedProduct candidate) {
        ProductView product = candidate.product();
        if (product.kind() == ProductKind.SERVICE) {
            return new Deployment(DeploymentModel.SAAS, null, null, List.of());
        }
        if (item.deployment().model() == DeploymentModel.SELF_HOSTED) {
            return Deployment.selfHosted();
        }
        return bestEuOffering(candidate).map(FactsAssembler::managedBy).orElse(Deployment.selfHosted());
    }

    private static Deployment managedBy(ResolvedOffering offering) {
        return new Deployment(DeploymentModel.MANAGED, offering.providerName(), offering.providerCountry(),
                offering.countries().stream().filter(Jurisdiction::isEuEea).toList());
    }

    private static Optional<ResolvedOffering> bestEuOffering(ResolvedProduct product) {
        return product.offerings().stream()
                .filter(ResolvedOffering::providerEuJurisdiction)
                .max(Comparator.comparingInt((ResolvedOffering o) -> o.providerCertifications().size())
                        .thenComparing(ResolvedOffering::provider, Comparator.reverseOrder()));
    }

    private ItemFacts facts(InventoryItem item, Deployment deployment, ResolvedProduct resolved) {
        ProductView product = resolved.product();
        String stewardCountry = product.steward() == null ? null : product.steward().country();
        Optional<ResolvedOffering> offering = deployment.model() == DeploymentModel.MANAGED
                ? offeringOf(resolved, deployment.provider())
                : Optional.empty();

        String operatorCountry = switch (deployment.model()) {
            case SELF_HOSTED -> null;
            case SAAS -> deployment.providerCountry() != null ? deployment.providerCountry() : stewardCountry;
            case MANAGED -> deployment.providerCountry() != null
                    ? deployment.providerCountry()
                    : offering.map(ResolvedOffering::providerCountry).orElse(null);
        };
        Boolean operatorEu = operatorCountry == null ? null : Jurisdiction.isEuEea(operatorCountry);

        List<String> locations = !deployment.dataLocations().isEmpty() ? deployment.dataLocations()
                : switch (deployment.model()) {
                    case SELF_HOSTED -> List.of();
                    case SAAS -> product.dataLocations();
                    case MANAGED -> offering.map(ResolvedOffering::countries).orElse(List.of());
                };
        Boolean dataInEu = locations.isEmpty() ? null : Jurisdiction.allEuEea(locations);

        List<String> certifications = new ArrayList<>(product.certifications());
        offering.ifPresent(o -> certifications.addAll(o.providerCertifications()));
        boolean certificationsKnown = deployment.model() != DeploymentModel.MANAGED || offering.isPresent()
                || !certifications.isEmpty();

        long euProviders = resolved.offerings().stream()
                .filter(ResolvedOffering::providerEuJurisdiction)
                .map(ResolvedOffering::provider)
                .distinct().count();
        Health health = product.health();
        return new ItemFacts(true, item.name(), product.licenceFamily(), product.openSource(),
                product.governance() == null ? null : product.governance().name(),
                stewardCountry, stewardCountry == null ? null : Jurisdiction.isEuEea(stewardCountry),
                deployment.model(), operatorCountry, operatorEu, dataInEu,
                product.standards(), (int) euProviders,
                certificationsKnown ? List.copyOf(certifications) : null,
                health == null ? null : health.latestReleaseDate(),
                health == null || health.scorecardScore() == null ? null : health.scorecardScore().doubleValue(),
                false, item.dataClassification(), item.criticality(), today);
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
        Deployment deployment = item.deployment();
        String operatorCountry = deployment.model() == DeploymentModel.SELF_HOSTED ? null : deployment.providerCountry();
        return new ItemFacts(false, item.name(), licence == null ? null : licence.family(),
                licence == null ? null : licence.openSource(), null, null, null,
                deployment.model(), operatorCountry, operatorCountry == null ? null : Jurisdiction.isEuEea(operatorCountry),
                deployment.dataLocations().isEmpty() ? null : Jurisdiction.allEuEea(deployment.dataLocations()),
                null, null, null, null, null, false, item.dataClassification(), item.criticality(), today);
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

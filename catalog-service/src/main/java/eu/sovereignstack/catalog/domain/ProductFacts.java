package eu.sovereignstack.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.catalog.contract.Delivery;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.Governance;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.common.licence.LicenceExpression;

/**
 * The facts of a product that a client states (create, replace, import, the export), without
 * those the catalog derives from them. {@code licence} is the expression as written; the lists
 * may be null where a client left them out. {@code version} is the version a change is based on,
 * or null.
 */
public record ProductFacts(
        String slug,
        String name,
        ProductKind kind,
        String basedOn,
        Delivery delivery,
        String category,
        String description,
        String stewardName,
        String stewardCountry,
        String ultimateParentName,
        String ultimateParentCountry,
        String licence,
        Governance governance,
        List<DeploymentModel> deploymentModels,
        List<String> standards,
        List<String> certifications,
        List<String> dataLocations,
        String website,
        String sourceRepository,
        List<String> purls,
        List<String> aliases,
        String latestReleaseVersion,
        LocalDate latestReleaseDate,
        Integer contributingOrganisations,
        BigDecimal scorecardScore,
        Integer releasesLast12Months,
        Integer contributorsLast12Months,
        BigDecimal topOrganisationShare,
        LocalDate factsAsOf,
        Map<String, Evidence> evidence,
        Integer version) {

    /** The facts a product's evidence can be about, by the names the API uses, in the order it shows them. */
    public static final List<String> EVIDENCE_FACTS = List.of("entry", "licence", "steward", "ultimateParent", "governance",
            "standards", "certifications", "dataLocations", "health", "basedOn", "delivery");

    /**
     * The stored product as a client would write it back: no version (an export is not an
     * edit), and the scorecard score without trailing zeros, so that equal facts compare equal.
     */
    public static ProductFacts of(Product p) {
        return new ProductFacts(p.slug, p.name, p.kind, p.basedOn, p.delivery, p.category, p.description, p.stewardName, p.stewardCountry,
                p.ultimateParentName, p.ultimateParentCountry,
                p.licenceExpression, p.governance, p.deploymentModels.stream().map(DeploymentModel::valueOf).toList(),
                p.standards == null ? null : List.copyOf(p.standards), List.copyOf(p.certifications),
                List.copyOf(p.dataLocations), p.website,
                p.sourceRepository, List.copyOf(p.purls), List.copyOf(p.aliases), p.latestReleaseVersion,
                p.latestReleaseDate, p.contributingOrganisations, stripped(p.scorecardScore),
                p.releasesLast12Months, p.contributorsLast12Months, stripped(p.topOrganisationShare), p.factsAsOf,
                Evidences.ordered(p.evidence, EVIDENCE_FACTS), null);
    }

    /**
     * Writes these facts onto the entity, with what {@code licence} (their analysed licence)
     * derives; the slug is set only on creation. The purls must have been checked: they are
     * stored in canonical form.
     */
    public void writeTo(Product p, LicenceExpression licence) {
        p.name = name.trim();
        p.kind = kind;
        p.basedOn = basedOn;
        p.delivery = delivery;
        p.category = category;
        p.description = description.trim();
        p.stewardName = stewardName.trim();
        p.stewardCountry = stewardCountry;
        p.ultimateParentName = ultimateParentName == null ? null : ultimateParentName.trim();
        p.ultimateParentCountry = ultimateParentCountry;
        p.licenceExpression = licence.expression();
        p.licenceIds = new ArrayList<>(licence.licenceIds());
        p.licenceFamily = licence.family();
        p.openSource = licence.openSource();
        p.governance = governance;
        p.deploymentModels = distinct(deploymentModels.stream().map(Enum::name).toList());
        p.standards = standards == null ? null : distinct(trimmed(standards));
        p.certifications = distinct(trimmed(certifications));
        p.dataLocations = distinct(dataLocations);
        p.website = website;
        p.sourceRepository = sourceRepository;
        p.purls = distinct(purls == null ? null : purls.stream().map(PackageUrl::canonical).toList());
        p.aliases = distinct(trimmed(aliases));
        p.latestReleaseVersion = latestReleaseVersion;
        p.latestReleaseDate = latestReleaseDate;
        p.contributingOrganisations = contributingOrganisations;
        p.scorecardScore = scorecardScore;
        p.releasesLast12Months = releasesLast12Months;
        p.contributorsLast12Months = contributorsLast12Months;
        p.topOrganisationShare = topOrganisationShare;
        p.factsAsOf = factsAsOf;
        p.evidence = new LinkedHashMap<>(Evidences.ordered(evidence, EVIDENCE_FACTS));
    }

    /** Whether writing these facts onto {@code p} would change nothing a client can see. */
    public boolean sameAs(Product p, LicenceExpression licence) {
        Product candidate = new Product();
        candidate.slug = p.slug;
        writeTo(candidate, licence);
        return of(candidate).equals(of(p));
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).toList();
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(values));
    }
}

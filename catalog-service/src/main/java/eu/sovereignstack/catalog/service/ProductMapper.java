package eu.sovereignstack.catalog.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Health;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.Steward;
import eu.sovereignstack.catalog.domain.PackageUrl;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.rest.ProductInput;
import eu.sovereignstack.catalog.rest.ProductSummary;
import eu.sovereignstack.common.licence.LicenceExpression;

/** Between the product entity and the API records; the one place that knows both shapes. */
final class ProductMapper {

    private ProductMapper() {
    }

    static ProductView toView(Product p) {
        return new ProductView(p.slug, p.name, p.kind, p.category, p.description, steward(p), p.licenceExpression,
                List.copyOf(p.licenceIds), p.licenceFamily, p.openSource, p.governance, deploymentModels(p),
                List.copyOf(p.standards), List.copyOf(p.certifications), List.copyOf(p.dataLocations), p.euJurisdiction,
                p.website, p.sourceRepository, List.copyOf(p.purls), List.copyOf(p.aliases), health(p), p.factsAsOf,
                p.createdAt, p.updatedAt, p.version);
    }

    static ProductSummary toSummary(Product p) {
        return new ProductSummary(p.slug, p.name, p.kind, p.category, p.licenceExpression, p.licenceFamily, p.openSource,
                p.governance, p.stewardCountry, p.euJurisdiction);
    }

    /** The product as a client would write it back (no version: an export is not an edit). */
    static ProductInput toInput(Product p) {
        return new ProductInput(p.slug, p.name, p.kind, p.category, p.description, steward(p), p.licenceExpression,
                p.governance, deploymentModels(p), List.copyOf(p.standards), List.copyOf(p.certifications),
                List.copyOf(p.dataLocations), p.website, p.sourceRepository, List.copyOf(p.purls), List.copyOf(p.aliases),
                health(p), p.factsAsOf, null);
    }

    /**
     * Writes what the client sent onto the entity; the slug is set only on creation. The purls
     * must have been checked: they are stored in canonical form.
     */
    static void apply(ProductInput in, LicenceExpression licence, Product p) {
        p.name = in.name().trim();
        p.kind = in.kind();
        p.category = in.category();
        p.description = in.description().trim();
        p.stewardName = in.steward().name().trim();
        p.stewardCountry = in.steward().country();
        p.licenceExpression = licence.expression();
        p.licenceIds = new ArrayList<>(licence.licenceIds());
        p.licenceFamily = licence.family();
        p.openSource = licence.openSource();
        p.governance = in.governance();
        p.deploymentModels = distinct(in.deploymentModels().stream().map(Enum::name).toList());
        p.standards = distinct(trimmed(in.standards()));
        p.certifications = distinct(trimmed(in.certifications()));
        p.dataLocations = distinct(in.dataLocations());
        p.website = in.website();
        p.sourceRepository = in.sourceRepository();
        p.purls = distinct(in.purls() == null ? null : in.purls().stream().map(PackageUrl::canonical).toList());
        p.aliases = distinct(trimmed(in.aliases()));
        Health health = in.health();
        p.latestReleaseVersion = health == null ? null : health.latestReleaseVersion();
        p.latestReleaseDate = health == null ? null : health.latestReleaseDate();
        p.contributingOrganisations = health == null ? null : health.contributingOrganisations();
        p.scorecardScore = health == null ? null : health.scorecardScore();
        p.factsAsOf = in.factsAsOf();
    }

    /** Whether writing {@code in} onto {@code p} would change nothing a client can see. */
    static boolean sameFacts(ProductInput in, LicenceExpression licence, Product p) {
        Product candidate = new Product();
        candidate.slug = p.slug;
        apply(in, licence, candidate);
        return toInput(candidate).equals(toInput(p));
    }

    private static Health normalised(Health health) {
        if (health == null || (health.latestReleaseVersion() == null && health.latestReleaseDate() == null
                && health.contributingOrganisations() == null && health.scorecardScore() == null)) {
            return null;
        }
        return new Health(health.latestReleaseVersion(), health.latestReleaseDate(),
                health.contributingOrganisations(),
                health.scorecardScore() == null ? null : health.scorecardScore().stripTrailingZeros());
    }

    private static Steward steward(Product p) {
        return new Steward(p.stewardName, p.stewardCountry);
    }

    private static Health health(Product p) {
        return normalised(new Health(p.latestReleaseVersion, p.latestReleaseDate,
                p.contributingOrganisations, p.scorecardScore));
    }

    private static List<DeploymentModel> deploymentModels(Product p) {
        return p.deploymentModels.stream().map(DeploymentModel::valueOf).toList();
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).toList();
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(values));
    }
}

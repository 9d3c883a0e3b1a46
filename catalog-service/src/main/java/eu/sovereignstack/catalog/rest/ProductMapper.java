package eu.sovereignstack.catalog.rest;

import java.util.List;

import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.contract.Health;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.Steward;
import eu.sovereignstack.catalog.contract.UltimateParent;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductFacts;

/** Between the product entity and its facts and the API records; the one place that knows both shapes. */
final class ProductMapper {

    private ProductMapper() {
    }

    static ProductView toView(Product p, EntryOrigin origin) {
        ProductFacts facts = ProductFacts.of(p);
        return new ProductView(p.slug, p.name, p.kind, p.basedOn, p.delivery, p.category, p.description, steward(facts), p.licenceExpression,
                List.copyOf(p.licenceIds), p.licenceFamily, p.openSource, p.governance, facts.deploymentModels(),
                facts.standards(), facts.certifications(), facts.dataLocations(), p.euJurisdiction,
                p.website, p.sourceRepository, facts.purls(), facts.aliases(), health(facts), p.factsAsOf,
                facts.evidence(), p.createdAt, p.updatedAt, p.version, origin, List.of());
    }

    static ProductSummary toSummary(Product p) {
        return new ProductSummary(p.slug, p.name, p.kind, p.category, p.licenceExpression, p.licenceFamily, p.openSource,
                p.governance, p.stewardCountry, p.euJurisdiction);
    }

    /** The product as a client would write it back (no version: an export is not an edit). */
    static ProductInput toInput(Product p) {
        return toInput(ProductFacts.of(p));
    }

    static ProductInput toInput(ProductFacts f) {
        return new ProductInput(f.slug(), f.name(), f.kind(), f.basedOn(), f.delivery(), f.category(), f.description(), steward(f), f.licence(),
                f.governance(), f.deploymentModels(), f.standards(), f.certifications(), f.dataLocations(), f.website(),
                f.sourceRepository(), f.purls(), f.aliases(), health(f), f.factsAsOf(), f.evidence(), f.version());
    }

    /** What the client wrote, as the facts the service checks and stores. */
    static ProductFacts toFacts(ProductInput in) {
        Steward steward = in.steward();
        Health health = in.health();
        UltimateParent parent = steward == null ? null : steward.ultimateParent();
        return new ProductFacts(in.slug(), in.name(), in.kind(), in.basedOn(), in.delivery(), in.category(), in.description(),
                steward == null ? null : steward.name(), steward == null ? null : steward.country(),
                parent == null ? null : parent.name(), parent == null ? null : parent.country(), in.licence(),
                in.governance(), in.deploymentModels(), in.standards(), in.certifications(), in.dataLocations(),
                in.website(), in.sourceRepository(), in.purls(), in.aliases(),
                health == null ? null : health.latestReleaseVersion(), health == null ? null : health.latestReleaseDate(),
                health == null ? null : health.contributingOrganisations(), health == null ? null : health.scorecardScore(),
                health == null ? null : health.releasesLast12Months(), health == null ? null : health.contributorsLast12Months(),
                health == null ? null : health.topOrganisationShare(), in.factsAsOf(), in.evidence(), in.version());
    }

    private static Steward steward(ProductFacts f) {
        return new Steward(f.stewardName(), f.stewardCountry(), f.ultimateParentName() == null
                ? null
                : new UltimateParent(f.ultimateParentName(), f.ultimateParentCountry()));
    }

    /** Null when no health fact is known. */
    private static Health health(ProductFacts f) {
        Health health = new Health(f.latestReleaseVersion(), f.latestReleaseDate(), f.contributingOrganisations(),
                f.scorecardScore(), f.releasesLast12Months(), f.contributorsLast12Months(), f.topOrganisationShare());
        return health.empty() ? null : health;
    }
}

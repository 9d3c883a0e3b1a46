package eu.sovereignstack.catalog.rest;

import java.util.List;

import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.contract.UltimateParent;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Category;
import eu.sovereignstack.catalog.domain.Evidences;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.OfferingFacts;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.domain.ProviderFacts;
import eu.sovereignstack.catalog.service.CatalogSnapshot;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.catalog.service.CategoryCount;
import eu.sovereignstack.catalog.service.LicenceUse;
import eu.sovereignstack.catalog.service.ProviderCount;
import eu.sovereignstack.common.jurisdiction.Jurisdiction;

/**
 * Between the catalog around the products (categories, licences, alternatives, providers,
 * offerings, the export) and the API records. Every association it reads was fetched by the
 * service's query.
 */
final class CatalogMapper {

    private CatalogMapper() {
    }

    static CategoryView category(CategoryCount counted) {
        Category c = counted.category();
        return new CategoryView(c.code, c.name, c.description, counted.productCount());
    }

    static LicenceView licence(LicenceUse l) {
        return new LicenceView(l.id(), l.name(), l.osiApproved(), l.fsfLibre(), l.spdxListed(), l.family(), l.productCount());
    }

    /** The alternative of a relation, seen from the product it replaces. */
    static AlternativeView alternative(Alternative a) {
        return new AlternativeView(ProductMapper.toSummary(a.product), a.fit, a.notes);
    }

    /** The replaced product of a relation, seen from its alternative. */
    static AlternativeView replaced(Alternative a) {
        return new AlternativeView(ProductMapper.toSummary(a.replaces), a.fit, a.notes);
    }

    static ProviderView provider(ProviderCount counted, EntryOrigin origin) {
        Provider p = counted.provider();
        return new ProviderView(p.slug, p.name, p.country, p.type, Jurisdiction.isEuEea(p.country), p.website,
                List.copyOf(p.certifications), List.copyOf(p.dataLocations), p.legalName, ultimateParent(p),
                Jurisdiction.isEuEea(p.ultimateParentCountry != null ? p.ultimateParentCountry : p.country), energy(p),
                p.factsAsOf, Evidences.ordered(p.evidence, Provider.EVIDENCE_FACTS), counted.offeringCount(), p.version, origin);
    }

    static OfferingView offering(Offering o, EntryOrigin origin) {
        return new OfferingView(o.name, o.provider.slug, o.provider.name, o.provider.country,
                ProductMapper.toSummary(o.product), List.copyOf(o.countries), o.url, o.keyCustody, o.hsm, o.factsAsOf,
                Evidences.ordered(o.evidence, Offering.EVIDENCE_FACTS), o.version, origin);
    }

    static List<OfferingView> offerings(List<Offering> offerings, Origins.Snapshot origins) {
        return offerings.stream().map(o -> offering(o, origins.of(o))).toList();
    }

    /** The provider as a client would write it back (the start of a merge patch). */
    static ProviderInput providerInput(ProviderFacts f) {
        Energy energy = new Energy(f.pue(), f.renewableShare(), f.climateNeutralDataCentrePact());
        return new ProviderInput(f.slug(), f.name(), f.legalName(), f.country(), f.type(), f.website(),
                f.ultimateParentName() == null ? null : new UltimateParent(f.ultimateParentName(), f.ultimateParentCountry()),
                f.certifications(), f.dataLocations(), energy.empty() ? null : energy, f.factsAsOf(), f.evidence(), f.version());
    }

    /** What the client wrote, as the facts the service checks and stores. */
    static ProviderFacts providerFacts(ProviderInput in) {
        UltimateParent parent = in.ultimateParent();
        Energy energy = in.energy();
        return new ProviderFacts(in.slug(), in.name(), in.legalName(), in.country(), in.type(), in.website(),
                parent == null ? null : parent.name(), parent == null ? null : parent.country(), in.certifications(),
                in.dataLocations(), energy == null ? null : energy.pue(), energy == null ? null : energy.renewableShare(),
                energy == null ? null : energy.climateNeutralDataCentrePact(), in.factsAsOf(), in.evidence(), in.version());
    }

    static OfferingInput offeringInput(OfferingFacts f) {
        return new OfferingInput(f.name(), f.countries(), f.url(), f.keyCustody(), f.hsm(), f.factsAsOf(), f.evidence(), f.version());
    }

    static OfferingFacts offeringFacts(OfferingInput in) {
        return new OfferingFacts(in.name(), in.countries(), in.url(), in.keyCustody(), in.hsm(), in.factsAsOf(), in.evidence(),
                in.version());
    }

    /** Null when unknown. */
    static UltimateParent ultimateParent(Provider p) {
        return p.ultimateParentName == null ? null : new UltimateParent(p.ultimateParentName, p.ultimateParentCountry);
    }

    /** Null when no energy fact is known. */
    static Energy energy(Provider p) {
        Energy energy = new Energy(p.pue, p.renewableShare, p.climateNeutralDataCentrePact);
        return energy.empty() ? null : energy;
    }

    static CatalogExport export(CatalogSnapshot catalog, Origins.Snapshot origins) {
        return new CatalogExport(catalog.takenAt(), catalog.spdxLicenceListVersion(),
                catalog.categories().stream().map(CatalogMapper::category).toList(),
                catalog.products().stream().map(ProductMapper::toInput).toList(),
                catalog.alternatives().stream()
                        .map(a -> new CatalogExport.Relation(a.product.slug, a.replaces.slug, a.fit, a.notes))
                        .toList(),
                catalog.providers().stream().map(p -> provider(p, origins.of(p.provider()))).toList(),
                catalog.offerings().stream().map(o -> offering(o, origins.of(o))).toList());
    }
}

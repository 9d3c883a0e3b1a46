package eu.sovereignstack.catalog.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.CategoryRepository;
import eu.sovereignstack.catalog.repository.OfferingRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.repository.ProviderRepository;
import eu.sovereignstack.catalog.rest.CatalogExport;
import eu.sovereignstack.catalog.rest.CategoryView;
import eu.sovereignstack.catalog.rest.LicenceView;
import eu.sovereignstack.catalog.rest.OfferingView;
import eu.sovereignstack.catalog.rest.ProviderView;
import eu.sovereignstack.common.jurisdiction.Jurisdiction;
import eu.sovereignstack.common.licence.ListedLicence;
import eu.sovereignstack.common.licence.SpdxLicences;

/** The read-mostly parts of the catalog: categories, licences, providers, offerings, the export. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogService {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final AlternativeRepository alternatives;
    private final ProviderRepository providers;
    private final OfferingRepository offerings;
    private final SpdxLicences licences;

    CatalogService(ProductRepository products, CategoryRepository categories, AlternativeRepository alternatives,
            ProviderRepository providers, OfferingRepository offerings, SpdxLicences licences) {
        this.products = products;
        this.categories = categories;
        this.alternatives = alternatives;
        this.providers = providers;
        this.offerings = offerings;
        this.licences = licences;
    }

    public List<CategoryView> categories() {
        Map<String, Long> counts = products.countByCategory();
        return categories.listInOrder().stream()
                .map(c -> new CategoryView(c.code, c.name, c.description, counts.getOrDefault(c.code, 0L)))
                .toList();
    }

    /** The licences products use, most used first. */
    public List<LicenceView> licencesInUse() {
        return products.countByLicenceId().entrySet().stream()
                .map(entry -> licenceView(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(LicenceView::productCount).reversed().thenComparing(LicenceView::id))
                .toList();
    }

    public List<ProviderView> providers() {
        Map<Long, Long> counts = providers.countOfferings();
        return providers.listInOrder().stream().map(p -> providerView(p, counts.getOrDefault(p.id, 0L))).toList();
    }

    public Optional<ProviderView> provider(String slug) {
        return providers.findBySlug(slug).map(p -> providerView(p, offerings.count("provider", p)));
    }

    public Optional<List<OfferingView>> offeringsOfProvider(String slug) {
        return providers.findBySlug(slug).map(p -> offerings.byProvider(p).stream().map(CatalogService::offeringView).toList());
    }

    public Optional<List<OfferingView>> offeringsOfProduct(String slug) {
        return products.findBySlug(slug).map(p -> offerings.byProduct(p).stream().map(CatalogService::offeringView).toList());
    }

    public CatalogExport export() {
        return new CatalogExport(Instant.now(), licences.licenceListVersion(), categories(),
                products.list("order by slug").stream().map(ProductMapper::toInput).toList(),
                alternatives.listAllWithProducts().stream()
                        .map(a -> new CatalogExport.Relation(a.product.slug, a.replaces.slug, a.fit, a.notes))
                        .toList(),
                providers(),
                offerings.listAllWithParts().stream().map(CatalogService::offeringView).toList());
    }

    private LicenceView licenceView(String id, long productCount) {
        Optional<ListedLicence> listed = licences.listed(id);
        return listed
                .map(l -> new LicenceView(l.id(), l.name(), l.osiApproved(), l.fsfLibre(), true, l.family(), productCount))
                .orElseGet(() -> new LicenceView(id, id, false, false, false, licences.familyOf(id), productCount));
    }

    private static ProviderView providerView(Provider p, long offeringCount) {
        return new ProviderView(p.slug, p.name, p.country, p.type, Jurisdiction.isEuEea(p.country), p.website,
                List.copyOf(p.certifications), p.factsAsOf, offeringCount);
    }

    private static OfferingView offeringView(Offering o) {
        return new OfferingView(o.name, o.provider.slug, o.provider.name, o.provider.country,
                ProductMapper.toSummary(o.product), List.copyOf(o.countries), o.url, o.factsAsOf);
    }
}

package eu.sovereignstack.catalog.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.CategoryRepository;
import eu.sovereignstack.catalog.repository.OfferingRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.repository.ProviderRepository;
import eu.sovereignstack.common.licence.ListedLicence;
import eu.sovereignstack.common.licence.SpdxLicences;

/**
 * The read-mostly parts of the catalog: categories, licences, providers, offerings, the export.
 * Offerings come with their provider and product fetched.
 */
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

    public List<CategoryCount> categories() {
        Map<String, Long> counts = products.countByCategory();
        return categories.listInOrder().stream()
                .map(c -> new CategoryCount(c, counts.getOrDefault(c.code, 0L)))
                .toList();
    }

    /** The licences products use, most used first. */
    public List<LicenceUse> licencesInUse() {
        return products.countByLicenceId().entrySet().stream()
                .map(entry -> licenceUse(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(LicenceUse::productCount).reversed().thenComparing(LicenceUse::id))
                .toList();
    }

    public List<ProviderCount> providers() {
        Map<Long, Long> counts = providers.countOfferings();
        return providers.listInOrder().stream().map(p -> new ProviderCount(p, counts.getOrDefault(p.id, 0L))).toList();
    }

    public Optional<ProviderCount> provider(String slug) {
        return providers.findBySlug(slug).map(p -> new ProviderCount(p, offerings.count("provider", p)));
    }

    public Optional<List<Offering>> offeringsOfProvider(String slug) {
        return providers.findBySlug(slug).map(offerings::byProvider);
    }

    public Optional<List<Offering>> offeringsOfProduct(String slug) {
        return products.findBySlug(slug).map(offerings::byProduct);
    }

    public CatalogSnapshot export() {
        return new CatalogSnapshot(Instant.now(), licences.licenceListVersion(), categories(),
                products.list("order by slug"),
                alternatives.listAllWithProducts(),
                providers(),
                offerings.listAllWithParts());
    }

    private LicenceUse licenceUse(String id, long productCount) {
        Optional<ListedLicence> listed = licences.listed(id);
        return listed
                .map(l -> new LicenceUse(l.id(), l.name(), l.osiApproved(), l.fsfLibre(), true, l.family(), productCount))
                .orElseGet(() -> new LicenceUse(id, id, false, false, false, licences.familyOf(id), productCount));
    }
}

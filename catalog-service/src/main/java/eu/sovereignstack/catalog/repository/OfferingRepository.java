package eu.sovereignstack.catalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.Provider;

@ApplicationScoped
public class OfferingRepository implements PanacheRepository<Offering> {

    private static final String WITH_PARTS = "select o from Offering o join fetch o.provider v join fetch o.product p ";

    public List<Offering> byProvider(Provider provider) {
        return list(WITH_PARTS + "where o.provider = ?1 order by p.name", provider);
    }

    /** The offering of {@code product} by {@code provider}, if the provider runs it. */
    public Optional<Offering> of(Provider provider, Product product) {
        return find(WITH_PARTS + "where o.provider = ?1 and o.product = ?2", provider, product).firstResultOptional();
    }

    public List<Offering> byProduct(Product product) {
        return list(WITH_PARTS + "where o.product = ?1 order by v.name", product);
    }

    /** The offerings of several products in one query, by provider name. */
    public List<Offering> byProducts(Collection<Long> productIds) {
        return productIds.isEmpty() ? List.of() : list(WITH_PARTS + "where p.id in ?1 order by v.name, p.slug", productIds);
    }

    public List<Offering> listAllWithParts() {
        return list(WITH_PARTS + "order by v.slug, p.slug");
    }

    /** The slugs of the products the provider offers, without loading the offerings. */
    public List<String> productSlugsOf(Provider provider) {
        return getEntityManager().createQuery("select o.product.slug from Offering o where o.provider = ?1", String.class)
                .setParameter(1, provider).getResultList();
    }

    /** The slugs of the providers that offer the product, without loading the offerings. */
    public List<String> providerSlugsOf(Product product) {
        return getEntityManager().createQuery("select o.provider.slug from Offering o where o.product = ?1", String.class)
                .setParameter(1, product).getResultList();
    }
}

package eu.sovereignstack.catalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Product;

@ApplicationScoped
public class AlternativeRepository implements PanacheRepository<Alternative> {

    /** The products that can replace {@code product}: full fits first, then open source, then by name. */
    public List<Alternative> replacing(Product product) {
        return list("select a from Alternative a join fetch a.product p where a.replaces = ?1 "
                + "order by a.fit, p.openSource desc, p.name", product);
    }

    /**
     * The alternatives of several products in one query, each product's in the order of
     * {@link #replacing(Product)}.
     */
    public List<Alternative> replacingAny(Collection<Long> productIds) {
        return productIds.isEmpty() ? List.of() : list("select a from Alternative a join fetch a.product p join fetch a.replaces r "
                + "where r.id in ?1 order by r.id, a.fit, p.openSource desc, p.name", productIds);
    }

    /** The products that {@code product} can replace. */
    public List<Alternative> replacedBy(Product product) {
        return list("select a from Alternative a join fetch a.replaces r where a.product = ?1 order by a.fit, r.name", product);
    }

    public Optional<Alternative> find(Product product, Product replaces) {
        return find("product = ?1 and replaces = ?2", product, replaces).firstResultOptional();
    }

    public List<Alternative> listAllWithProducts() {
        return list("select a from Alternative a join fetch a.product p join fetch a.replaces r order by r.slug, p.slug");
    }

    /** The relations the product is on either side of, as (replaced slug, alternative slug), without loading them. */
    public List<String[]> slugPairsOf(Product product) {
        return getEntityManager().createQuery("select a.replaces.slug, a.product.slug from Alternative a "
                        + "where a.replaces = ?1 or a.product = ?1", Object[].class)
                .setParameter(1, product).getResultList().stream()
                .map(row -> new String[] {(String) row[0], (String) row[1]}).toList();
    }
}

package eu.sovereignstack.catalog.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductPage;
import eu.sovereignstack.catalog.domain.ProductSearch;
import eu.sovereignstack.catalog.domain.ProductSort;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public Optional<Product> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Product> findBySlugs(List<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    /**
     * The product, its row locked until the transaction ends: a concurrent writer of the same
     * product waits, then sees the version this one stored (and gets its 412), instead of both
     * reading the same version and racing to the update.
     */
    public Optional<Product> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The products, their rows locked until the transaction ends, always in slug order (no deadlock between imports). */
    public List<Product> findBySlugsForUpdate(List<String> slugs) {
        return slugs.isEmpty() ? List.of() : find("slug in ?1 order by slug", slugs).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** One page of the products matching {@code search} in the order asked for, and how many match in all. */
    public ProductPage search(ProductSearch search, ProductSort sort, boolean descending, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        addIf(search.category(), "p.category = :category", "category", clauses, parameters);
        addIf(search.kind(), "p.kind = :kind", "kind", clauses, parameters);
        addIf(search.licenceId(), "array_contains(p.licenceIds, :licence)", "licence", clauses, parameters);
        addIf(search.openSource(), "p.openSource = :openSource", "openSource", clauses, parameters);
        addIf(search.governance(), "p.governance = :governance", "governance", clauses, parameters);
        addIf(search.stewardCountry(), "p.stewardCountry = :country", "country", clauses, parameters);
        addIf(search.euJurisdiction(), "p.euJurisdiction = :eu", "eu", clauses, parameters);
        addIf(search.standard(), "array_contains(p.standards, :standard)", "standard", clauses, parameters);
        addIf(search.deploymentModel() == null ? null : search.deploymentModel().name(),
                "array_contains(p.deploymentModels, :deployment)", "deployment", clauses, parameters);
        if (search.text() != null) {
            clauses.add("(lower(p.name) like :text escape '\\' or lower(p.description) like :text escape '\\')");
            parameters.put("text", "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%");
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        long total = countWith(where, parameters);
        var query = getEntityManager().createQuery("select p from Product p" + where + " order by " + orderBy(sort, descending),
                Product.class);
        parameters.forEach(query::setParameter);
        List<Product> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new ProductPage(items, total);
    }

    /** The HQL order-by clause for a sort; the slug breaks ties so pages are stable. */
    private static String orderBy(ProductSort sort, boolean descending) {
        String path = switch (sort) {
            case NAME -> "lower(p.name)";
            case UPDATED -> "p.updatedAt";
            case RELEASED -> "p.latestReleaseDate";
            case SCORECARD -> "p.scorecardScore";
        };
        return path + (descending ? " desc nulls last" : " asc nulls last") + ", p.slug";
    }

    private long countWith(String where, Map<String, Object> parameters) {
        var count = getEntityManager().createQuery("select count(p) from Product p" + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /** For each category code, how many products it holds. */
    public Map<String, Long> countByCategory() {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select p.category, count(p) from Product p group by p.category", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** For each licence id in use, how many products name it. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> countByLicenceId() {
        Map<String, Long> counts = new HashMap<>();
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select l.id, count(*) from product p, unnest(p.licence_ids) as l(id) group by l.id")
                .getResultList();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** The slugs of the products based on any of {@code slugs}, by the slug they are based on, each list in slug order. */
    public Map<String, List<String>> basedOnAny(List<String> slugs) {
        Map<String, List<String>> dependents = new HashMap<>();
        if (!slugs.isEmpty()) {
            getEntityManager()
                    .createQuery("select p.basedOn, p.slug from Product p where p.basedOn in :slugs order by p.slug", Object[].class)
                    .setParameter("slugs", slugs)
                    .getResultList()
                    .forEach(row -> dependents.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]));
        }
        return dependents;
    }

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    private static void addIf(Object value, String clause, String name, List<String> clauses, Map<String, Object> parameters) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package eu.sovereignstack.catalog.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import eu.sovereignstack.catalog.domain.Provider;

@ApplicationScoped
public class ProviderRepository implements PanacheRepository<Provider> {

    public Optional<Provider> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The provider, its row locked until the transaction ends: writes to it and to its offerings take turns. */
    public Optional<Provider> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    public List<Provider> listInOrder() {
        return list("order by name");
    }

    /** For each provider id, how many offerings it runs. */
    public Map<Long, Long> countOfferings() {
        Map<Long, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select o.provider.id, count(o) from Offering o group by o.provider.id", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}

package eu.sovereignstack.assessment.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import eu.sovereignstack.assessment.domain.Assessment;
import eu.sovereignstack.assessment.domain.AssessmentSummaryRow;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** The assessment if it belongs to the tenant: another tenant's id is as good as unknown. */
    public Optional<Assessment> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResultOptional();
    }

    private static final String SUMMARY_ROWS = """
            select new eu.sovereignstack.assessment.domain.AssessmentSummaryRow(
                a.id, a.name, a.createdBy, a.createdAt, a.profileId, a.inputFormat, a.score, a.seal, a.itemCount, a.rerunOf)
            from Assessment a where a.tenant = :tenant""";

    /** A page of the tenant's assessments, newest first, without their large JSON columns. */
    public List<AssessmentSummaryRow> page(String tenant, int page, int size) {
        return getEntityManager().createQuery(SUMMARY_ROWS + " order by a.createdAt desc, a.id", AssessmentSummaryRow.class)
                .setParameter("tenant", tenant)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    /** One of the tenant's assessments without its large JSON columns. */
    public Optional<AssessmentSummaryRow> summaryForTenant(String tenant, UUID id) {
        return getEntityManager().createQuery(SUMMARY_ROWS + " and a.id = :id", AssessmentSummaryRow.class)
                .setParameter("tenant", tenant)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public Optional<Assessment> findByIdempotencyKey(String tenant, String key) {
        return find("tenant = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }

    public long countForTenant(String tenant) {
        return count("tenant", tenant);
    }

    public boolean deleteForTenant(String tenant, UUID id) {
        return delete("id = ?1 and tenant = ?2", id, tenant) > 0;
    }
}

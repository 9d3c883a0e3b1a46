package eu.sovereignstack.assessment.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.hibernate.Session;

import eu.sovereignstack.assessment.domain.Assessment;
import eu.sovereignstack.assessment.domain.AssessmentHead;
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

    private static final String HEAD = """
            select new eu.sovereignstack.assessment.domain.AssessmentHead(
                a.id, a.name, a.createdBy, a.createdAt, a.profileId, a.inputFormat, a.rerunOf, a.rerunChanges, a.result, a.itemCount)
            from Assessment a where a.tenant = :tenant and a.id = :id""";

    /** One of the tenant's assessments with its result without items, reading nothing large. */
    public Optional<AssessmentHead> headForTenant(String tenant, UUID id) {
        return getEntityManager().createQuery(HEAD, AssessmentHead.class)
                .setParameter("tenant", tenant)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /** Rows written per round trip when an assessment's items are stored. */
    private static final int INSERT_BATCH = 500;
    /** Rows fetched per round trip when an assessment's items are read in order. */
    private static final int FETCH_SIZE = 200;

    /**
     * Where item documents come from, in order, each with its item's id (unique within an
     * inventory); each is written as it is given.
     */
    @FunctionalInterface
    public interface ItemDocuments {
        void forEach(BiConsumer<String, String> idAndDocument);
    }

    /**
     * Stores an assessment's items, in the caller's transaction, a batch at a time as they are given:
     * position 0, 1, ... in their order. The assessment must have been flushed.
     */
    public void insertItems(UUID assessmentId, ItemDocuments documents) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into assessment_item (assessment_id, position, item_id, document) values (?, ?, ?, ?)")) {
                int[] position = {0};
                documents.forEach((itemId, document) -> {
                    try {
                        insert.setObject(1, assessmentId);
                        insert.setInt(2, position[0]++);
                        insert.setString(3, itemId);
                        insert.setString(4, document);
                        insert.addBatch();
                        if (position[0] % INSERT_BATCH == 0) {
                            insert.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new ItemRowsException(e);
                    }
                });
                insert.executeBatch();
            } catch (ItemRowsException e) {
                throw e.getCause();
            }
        });
    }

    /** Up to {@code count} item documents of an assessment from {@code from} on, in order. */
    @SuppressWarnings("unchecked")
    public List<String> items(UUID assessmentId, int from, int count) {
        return getEntityManager().createNativeQuery("""
                select document from assessment_item where assessment_id = ?1 and position >= ?2 order by position limit ?3""")
                .setParameter(1, assessmentId)
                .setParameter(2, from)
                .setParameter(3, count)
                .getResultList();
    }

    /** The item document of an assessment whose item has this id: one row, found by its unique index. */
    @SuppressWarnings("unchecked")
    public Optional<String> item(UUID assessmentId, String itemId) {
        return getEntityManager().createNativeQuery("""
                select document from assessment_item where assessment_id = ?1 and item_id = ?2""")
                .setParameter(1, assessmentId)
                .setParameter(2, itemId)
                .getResultStream()
                .findFirst();
    }

    /** Every item document of an assessment, in order, read a few hundred at a time: never all in memory. */
    public void forEachItem(UUID assessmentId, Consumer<String> sink) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select document from assessment_item where assessment_id = ? order by position")) {
                select.setObject(1, assessmentId);
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(rows.getString(1));
                    }
                }
            }
        });
    }

    /** A JDBC failure inside a callback, carried out of it. */
    private static final class ItemRowsException extends RuntimeException {

        ItemRowsException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}

package eu.sovereignstack.assessment.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import eu.sovereignstack.assessment.domain.ScoringProfileRow;

@ApplicationScoped
public class ScoringProfileRepository implements PanacheRepositoryBase<ScoringProfileRow, String> {

    public List<ScoringProfileRow> listInOrder() {
        return list("order by position");
    }
}

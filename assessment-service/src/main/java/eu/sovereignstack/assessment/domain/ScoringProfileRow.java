package eu.sovereignstack.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A scoring profile as stored; read into {@link eu.sovereignstack.assessment.engine.model.ScoringProfile}. */
@Entity
@Table(name = "scoring_profile")
public class ScoringProfileRow {

    @Id
    public String id;
    public String name;
    public String description;
    @Column(name = "framework_version")
    public String frameworkVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public String weights;
    @Column(name = "is_default")
    public boolean isDefault;
    public int position;
}

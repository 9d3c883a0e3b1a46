package eu.sovereignstack.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

import eu.sovereignstack.catalog.contract.Delivery;
import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.Governance;
import eu.sovereignstack.catalog.contract.ProductKind;
import eu.sovereignstack.common.licence.LicenceFamily;

/**
 * A product of the catalog: software an organisation can run, or a service it can buy, with
 * the dated facts that decide how sovereign it is. Lists are PostgreSQL arrays.
 */
@Entity
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    public Long id;

    public String slug;
    public String name;
    @Enumerated(EnumType.STRING)
    public ProductKind kind;
    /**
     * The slug of the open-source software product this service is a managed run of; null when not
     * known or not based on one. Slugs never change, so the column references the slug itself.
     */
    @Column(name = "based_on")
    public String basedOn;
    /** How this software reaches its users (on each device, or from a shared server); null when not known or a service. */
    @Enumerated(EnumType.STRING)
    public Delivery delivery;
    public String category;
    public String description;
    @Column(name = "steward_name")
    public String stewardName;
    @Column(name = "steward_country")
    public String stewardCountry;
    /** Who controls the steward in the end (the steward itself when independent); null when unknown. */
    @Column(name = "ultimate_parent_name")
    public String ultimateParentName;
    @Column(name = "ultimate_parent_country")
    public String ultimateParentCountry;

    @Column(name = "licence_expression")
    public String licenceExpression;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "licence_ids")
    public List<String> licenceIds = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "licence_family")
    public LicenceFamily licenceFamily;
    @Column(name = "open_source")
    public boolean openSource;

    @Enumerated(EnumType.STRING)
    public Governance governance;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "deployment_models")
    public List<String> deploymentModels = new ArrayList<>();
    /** Null when unknown, empty when it speaks none. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> standards;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> certifications = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_locations")
    public List<String> dataLocations = new ArrayList<>();

    public String website;
    @Column(name = "source_repository")
    public String sourceRepository;
    /** Package URLs of its packages and images, canonical and without version (see {@link PackageUrl}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> purls = new ArrayList<>();
    /** Other names inventories use for it ("Azure AD" for Microsoft Entra ID). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();
    @Column(name = "latest_release_version")
    public String latestReleaseVersion;
    @Column(name = "latest_release_date")
    public LocalDate latestReleaseDate;
    @Column(name = "contributing_organisations")
    public Integer contributingOrganisations;
    @Column(name = "scorecard_score")
    public BigDecimal scorecardScore;
    @Column(name = "releases_last_12_months")
    public Integer releasesLast12Months;
    @Column(name = "contributors_last_12_months")
    public Integer contributorsLast12Months;
    @Column(name = "top_organisation_share")
    public BigDecimal topOrganisationShare;
    @Column(name = "facts_as_of")
    public LocalDate factsAsOf;
    /** The evidence of each fact, by fact name ({@link ProductFacts#EVIDENCE_FACTS}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Evidence> evidence = new LinkedHashMap<>();

    /** Computed by the database: steward and all data locations in the EU/EEA. */
    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "eu_jurisdiction", insertable = false, updatable = false)
    public boolean euJurisdiction;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The member that asserts this entry (its realm's issuer) and its organisation; null issuer: the node's own member. */
    @Column(name = "owner_issuer")
    public String ownerIssuer;
    @Column(name = "owner_org")
    public String ownerOrg;
    /** The peer catalog node this entry is mirrored from, read-only here; null for this node's own entries. */
    @Column(name = "origin_node")
    public String originNode;
    /** The entry's version on its origin node, when mirrored. */
    @Column(name = "origin_version")
    public Integer originVersion;

    @Version
    public int version;

    // Microseconds, as the column keeps them: the entry a write answers with is the one read back later.
    @PrePersist
    void onCreate() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

package eu.sovereignstack.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import eu.sovereignstack.catalog.contract.Evidence;

/** A cloud provider that runs products as managed offerings. */
@Entity
public class Provider {

    /** The facts a provider's evidence can be about, in the order they are shown. */
    public static final List<String> EVIDENCE_FACTS = List.of("entry", "country", "legalName", "ultimateParent",
            "certifications", "dataLocations", "pue", "renewableShare", "climateNeutralDataCentrePact");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provider_seq")
    @SequenceGenerator(name = "provider_seq", sequenceName = "provider_seq", allocationSize = 50)
    public Long id;

    public String slug;
    public String name;
    public String country;
    @Enumerated(EnumType.STRING)
    public ProviderType type;
    public String website;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> certifications = new ArrayList<>();
    /** The countries of its data centres (regions); empty when not known. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_locations")
    public List<String> dataLocations = new ArrayList<>();
    @Column(name = "legal_name")
    public String legalName;
    /** Who controls the provider in the end (the provider itself when independent); null when unknown. */
    @Column(name = "ultimate_parent_name")
    public String ultimateParentName;
    @Column(name = "ultimate_parent_country")
    public String ultimateParentCountry;
    public BigDecimal pue;
    @Column(name = "renewable_share")
    public BigDecimal renewableShare;
    @Column(name = "climate_neutral_data_centre_pact")
    public Boolean climateNeutralDataCentrePact;
    @Column(name = "facts_as_of")
    public LocalDate factsAsOf;
    /** The evidence of each fact, by fact name. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Evidence> evidence = new LinkedHashMap<>();

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
}

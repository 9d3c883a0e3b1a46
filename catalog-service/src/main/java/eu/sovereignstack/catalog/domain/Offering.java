package eu.sovereignstack.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import eu.sovereignstack.catalog.contract.Evidence;
import eu.sovereignstack.catalog.contract.KeyCustody;

/**
 * A provider runs a product as a managed service in some countries: what makes an open
 * product portable across a federation is several independent offerings of it.
 */
@Entity
public class Offering {

    /** The facts an offering's evidence can be about, in the order they are shown. */
    public static final List<String> EVIDENCE_FACTS = List.of("entry", "dataLocations", "keyCustody");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offering_seq")
    @SequenceGenerator(name = "offering_seq", sequenceName = "offering_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "provider_id")
    public Provider provider;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> countries = new ArrayList<>();
    public String url;
    /** The strongest key option it has; null when unknown. */
    @Enumerated(EnumType.STRING)
    @Column(name = "key_custody")
    public KeyCustody keyCustody;
    public Boolean hsm;
    @Column(name = "facts_as_of")
    public LocalDate factsAsOf;
    /** The evidence of each fact, by fact name. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Evidence> evidence = new LinkedHashMap<>();

    /** The peer catalog node this entry is mirrored from, read-only here; null for this node's own entries. */
    @Column(name = "origin_node")
    public String originNode;
    /** The entry's version on its origin node, when mirrored. */
    @Column(name = "origin_version")
    public Integer originVersion;

    @Version
    public int version;
}

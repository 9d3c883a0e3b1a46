package eu.sovereignstack.catalog.domain;

import java.time.Instant;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;

import eu.sovereignstack.catalog.contract.AlternativeFit;

/** {@code product} can replace {@code replaces}, fully or in part. */
@Entity
public class Alternative {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alternative_seq")
    @SequenceGenerator(name = "alternative_seq", sequenceName = "alternative_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "replaces_id")
    public Product replaces;

    @Enumerated(EnumType.STRING)
    public AlternativeFit fit;
    public String notes;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    /** The member that asserts this entry (its realm's issuer) and its organisation; null issuer: the node's own member. */
    @Column(name = "owner_issuer")
    public String ownerIssuer;
    @Column(name = "owner_org")
    public String ownerOrg;
    /** The peer catalog node this entry is mirrored from, read-only here; null for this node's own entries. */
    @Column(name = "origin_node")
    public String originNode;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}

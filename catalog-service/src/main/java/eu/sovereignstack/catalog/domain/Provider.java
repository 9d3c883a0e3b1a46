package eu.sovereignstack.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A cloud provider that runs products as managed offerings. */
@Entity
public class Provider {

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
    @Column(name = "facts_as_of")
    public LocalDate factsAsOf;
}

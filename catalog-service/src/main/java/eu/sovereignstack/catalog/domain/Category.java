package eu.sovereignstack.catalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One entry of the fixed category taxonomy (seeded by migration, not editable through the API). */
@Entity
public class Category {

    @Id
    public String code;
    public String name;
    public String description;
    public int position;
}

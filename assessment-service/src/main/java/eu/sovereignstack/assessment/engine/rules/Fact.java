package eu.sovereignstack.assessment.engine.rules;

import java.util.function.Predicate;

import eu.sovereignstack.assessment.engine.model.ItemFacts;

/**
 * The facts the rules read. A fact is relevant to an item only in some uses (who operates a
 * self-hosted item is the organisation itself); an unknown relevant fact lowers confidence and
 * caps the objectives it informs (see {@link UnknownFact}).
 */
public enum Fact {
    LICENCE("licence", f -> f.openSource() != null && f.licenceFamily() != null, f -> true),
    GOVERNANCE("governance", f -> f.governance() != null, f -> true),
    STEWARD("steward", f -> f.stewardEu() != null, f -> true),
    OPERATOR("operator", f -> f.operatorEu() != null, ItemFacts::operatedByOthers),
    DATA_LOCATION("dataLocations", f -> f.dataInEu() != null, ItemFacts::operatedByOthers),
    STANDARDS("standards", f -> f.standards() != null, f -> true),
    PROVIDERS("providers", f -> f.euProviders() != null, ItemFacts::operatedByOthers),
    CERTIFICATIONS("certifications", f -> f.certifications() != null, ItemFacts::operatedByOthers),
    /** Release and contributor facts from the project's public history: open projects have one. */
    PROJECT_HEALTH("health", f -> f.latestRelease() != null || f.contributors() != null, f -> !f.proprietary()),
    /** Whoever runs the data centre: the provider, the vendor, or the organisation for what it hosts. */
    ENVIRONMENT("energy", ItemFacts::environmentKnown, f -> true),
    KEY_CUSTODY("keyCustody", f -> f.keyCustody() != null, ItemFacts::operatedByOthers),
    /** What an inventory says of a package the catalog does not know: the public registry it comes from, its supplier. */
    PACKAGE("package", f -> f.registry() != null, f -> !f.known());

    private final String key;
    private final Predicate<ItemFacts> known;
    private final Predicate<ItemFacts> relevant;

    Fact(String key, Predicate<ItemFacts> known, Predicate<ItemFacts> relevant) {
        this.key = key;
        this.known = known;
        this.relevant = relevant;
    }

    /** The fact's name in findings and in the catalog's evidence. */
    public String key() {
        return key;
    }

    public boolean knownFor(ItemFacts facts) {
        return known.test(facts);
    }

    public boolean relevantFor(ItemFacts facts) {
        return relevant.test(facts);
    }
}

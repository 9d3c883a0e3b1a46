package eu.sovereignstack.assessment.engine.rules;

import java.util.function.Predicate;

import eu.sovereignstack.assessment.engine.model.ItemFacts;

/**
 * The facts the rules read. A fact is relevant to an item only in some uses (who operates a
 * self-hosted item is the organisation itself); an unknown relevant fact lowers confidence and
 * caps the objectives it informs (see {@link UnknownFact}).
 */
public enum Fact {
    LICENCE(f -> f.openSource() != null && f.licenceFamily() != null, f -> true),
    GOVERNANCE(f -> f.governance() != null, f -> true),
    STEWARD(f -> f.stewardEu() != null, f -> true),
    OPERATOR(f -> f.operatorEu() != null, ItemFacts::operatedByOthers),
    DATA_LOCATION(f -> f.dataInEu() != null, ItemFacts::operatedByOthers),
    STANDARDS(f -> f.standards() != null, f -> true),
    PROVIDERS(f -> f.euProviders() != null, ItemFacts::operatedByOthers),
    CERTIFICATIONS(f -> f.certifications() != null, ItemFacts::operatedByOthers),
    PROJECT_HEALTH(f -> f.latestRelease() != null, f -> true),
    ENVIRONMENT(ItemFacts::environmentKnown, ItemFacts::operatedByOthers);

    private final Predicate<ItemFacts> known;
    private final Predicate<ItemFacts> relevant;

    Fact(Predicate<ItemFacts> known, Predicate<ItemFacts> relevant) {
        this.known = known;
        this.relevant = relevant;
    }

    public boolean knownFor(ItemFacts facts) {
        return known.test(facts);
    }

    public boolean relevantFor(ItemFacts facts) {
        return relevant.test(facts);
    }
}

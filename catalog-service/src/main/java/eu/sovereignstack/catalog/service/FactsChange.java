package eu.sovereignstack.catalog.service;

/**
 * A change to some facts of an entry (a product, a provider, an offering), applied while the entry
 * is locked and after the versions are checked.
 *
 * @param <F> the entry's facts as a client states them
 */
public interface FactsChange<F> {

    /** The version the change is based on; null when it names none. */
    Integer basedOn();

    /** The facts after the change, from the entry's facts before it (which carry no version). */
    F applyTo(F current);
}

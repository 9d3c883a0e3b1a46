package eu.sovereignstack.catalog.service;

import eu.sovereignstack.catalog.domain.Actor;

/** The request a write comes with: who sends it and its request id. The REST layer implements it. */
public interface WriteContext {

    Actor actor();

    String requestId();

    /** Whether the sender holds the realm role (composite roles included). */
    boolean hasRole(String role);
}

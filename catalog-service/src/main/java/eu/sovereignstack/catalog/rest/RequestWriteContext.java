package eu.sovereignstack.catalog.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import eu.sovereignstack.catalog.domain.Actor;
import eu.sovereignstack.common.observability.RequestIds;
import eu.sovereignstack.catalog.service.WriteContext;

/**
 * Who sends the current request (from its verified token) and its request id: the incoming
 * X-Request-Id when it is sane (common's RequestIds: 8 to 128 of A-Z a-z 0-9 . _ : -), else one
 * made here. {@link RequestIdFilter} sets the id.
 */
@RequestScoped
class RequestWriteContext implements WriteContext {

    static final String HEADER = RequestIds.HEADER;

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private String requestId;

    RequestWriteContext(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    @Override
    public Actor actor() {
        Object org = token.getClaim("org");
        return new Actor(token.getIssuer(), token.getSubject(), token.getClaim("preferred_username"),
                org == null ? null : org.toString());
    }

    @Override
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    @Override
    public String requestId() {
        if (requestId == null) {
            requestId = RequestIds.reuseOrCreate(null);
        }
        return requestId;
    }

    /** Keeps {@code incoming} when it is sane, else makes one (common's RequestIds has already set a sane one). */
    void received(String incoming) {
        requestId = RequestIds.reuseOrCreate(incoming);
    }
}

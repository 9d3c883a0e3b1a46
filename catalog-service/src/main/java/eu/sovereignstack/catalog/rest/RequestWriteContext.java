package eu.sovereignstack.catalog.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import eu.sovereignstack.catalog.domain.Actor;
import eu.sovereignstack.catalog.service.WriteContext;

/**
 * Who sends the current request (from its verified token) and its request id: the incoming
 * X-Request-Id when it is sane, as the gateway accepts it (8 to 128 of A-Z a-z 0-9 . _ : -), else
 * one made here. {@link RequestIds} sets the id and echoes it in the response.
 */
@RequestScoped
class RequestWriteContext implements WriteContext {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

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
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    /** Keeps {@code incoming} when it is sane; the id is made on first use otherwise. */
    void received(String incoming) {
        requestId = incoming != null && SANE.matcher(incoming).matches() ? incoming : null;
    }

    /** The id, if one was received or made. */
    String known() {
        return requestId;
    }
}

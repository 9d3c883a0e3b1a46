package eu.sovereignstack.mcp.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import eu.sovereignstack.common.observability.RequestIds;

/**
 * What every call to a service carries: the caller's own bearer token, so the service applies the
 * caller's roles and organisation exactly as it does for the API, and the exchange's request id,
 * so the service's log lines of the call are found under the id the gateway gave the MCP request.
 */
@ApplicationScoped
public class CallerHeaders implements ClientHeadersFactory {

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    CallerHeaders(SecurityIdentity identity, CurrentVertxRequest request) {
        this.identity = identity;
        this.request = request;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getRawToken() != null) {
            headers.putSingle("Authorization", "Bearer " + token.getRawToken());
        }
        // The MCP request's id (common's RequestIds set it on the request); tools run on worker
        // threads, where the logging context of the event loop is not always carried over.
        String requestId = request.getCurrent() == null ? RequestIds.current()
                : request.getCurrent().request().getHeader(RequestIds.HEADER);
        if (requestId != null) {
            headers.putSingle(RequestIds.HEADER, requestId);
        }
        return headers;
    }
}

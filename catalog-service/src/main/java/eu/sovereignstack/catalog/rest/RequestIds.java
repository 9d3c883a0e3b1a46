package eu.sovereignstack.catalog.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Takes the request id of every request and answers with the one a write recorded. */
class RequestIds {

    private final RequestWriteContext context;

    RequestIds(RequestWriteContext context) {
        this.context = context;
    }

    @ServerRequestFilter(preMatching = true)
    void received(ContainerRequestContext request) {
        context.received(request.getHeaderString(RequestWriteContext.HEADER));
    }

    @ServerResponseFilter
    void answered(ContainerResponseContext response) {
        String id = context.known();
        if (id != null) {
            response.getHeaders().putSingle(RequestWriteContext.HEADER, id);
        }
    }
}

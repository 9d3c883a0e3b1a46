package eu.sovereignstack.catalog.rest;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes the request id of every request for the audit trail: common's RequestIds has already set
 * a sane one on the request, and echoes it in the response.
 */
class RequestIdFilter {

    private final RequestWriteContext context;

    RequestIdFilter(RequestWriteContext context) {
        this.context = context;
    }

    @ServerRequestFilter(preMatching = true)
    void received(ContainerRequestContext request) {
        context.received(request.getHeaderString(RequestWriteContext.HEADER));
    }
}

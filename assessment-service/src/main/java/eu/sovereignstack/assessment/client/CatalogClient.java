package eu.sovereignstack.assessment.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

import eu.sovereignstack.catalog.contract.ResolveRequest;
import eu.sovereignstack.catalog.contract.ResolveResult;

/**
 * The catalog-service, called with the caller's own bearer token (zero trust: the catalog
 * checks it again) and the request id of the request being served, so both services log the
 * same id (the trace context travels in {@code traceparent}). Fault tolerance lives in
 * {@link CatalogResolver}.
 */
@RegisterRestClient(configKey = "catalog")
@AccessToken
@ClientHeaderParam(name = "X-Request-Id", value = "{eu.sovereignstack.common.observability.RequestIds.current}", required = false)
@Path("/api/v1/products")
public interface CatalogClient {

    /** Matches up to 1,000 entries; resolving is a read, so it is safe to retry. */
    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ResolveResult resolve(ResolveRequest request);

}

package eu.sovereignstack.assessment.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import eu.sovereignstack.catalog.contract.ResolveRequest;
import eu.sovereignstack.catalog.contract.ResolveResult;

/**
 * The catalog-service as a job calls it: with the assessment-service's own token
 * ({@link ServiceToken}), since a job runs after its request, and its caller's token, have
 * ended. The same address and timeouts as {@link CatalogClient}.
 */
@RegisterRestClient(configKey = "catalog")
@ClientHeaderParam(name = "X-Request-Id", value = "{eu.sovereignstack.common.observability.RequestIds.current}", required = false)
@Path("/api/v1/products")
public interface CatalogServiceClient {

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ResolveResult resolve(@HeaderParam("Authorization") String authorization, ResolveRequest request);
}

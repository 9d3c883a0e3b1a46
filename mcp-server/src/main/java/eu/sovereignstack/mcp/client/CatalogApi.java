package eu.sovereignstack.mcp.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The catalog-service's read API, as the tools call it (every answer read by {@link Answers}). */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @SuppressWarnings("java:S107") // the API's filters, one parameter each
    Response search(@QueryParam("q") String q, @QueryParam("category") String category, @QueryParam("kind") String kind,
            @QueryParam("licence") String licence, @QueryParam("openSource") Boolean openSource,
            @QueryParam("governance") String governance, @QueryParam("stewardCountry") String stewardCountry,
            @QueryParam("euOnly") Boolean euOnly, @QueryParam("standard") String standard,
            @QueryParam("deploymentModel") String deploymentModel, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("{slug}")
    Response product(@PathParam("slug") String slug);

    @GET
    @Path("{slug}/alternatives")
    Response alternatives(@PathParam("slug") String slug);

    @GET
    @Path("{slug}/offerings")
    Response offerings(@PathParam("slug") String slug);
}

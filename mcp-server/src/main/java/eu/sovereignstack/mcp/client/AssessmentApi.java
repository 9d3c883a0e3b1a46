package eu.sovereignstack.mcp.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The assessment-service's API, as the tools call it (every answer read by {@link Answers}). */
@RegisterRestClient(configKey = "assessment")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1/assessments")
public interface AssessmentApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response assessJson(String inventory);

    @POST
    @Path("csv")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    Response assessCsv(@QueryParam("organisation") String organisation, String inventory);

    @POST
    @Path("sbom")
    @Consumes("application/vnd.cyclonedx+json")
    @Produces(MediaType.APPLICATION_JSON)
    Response assessSbomJson(@QueryParam("organisation") String organisation, String sbom);

    @POST
    @Path("sbom/xml")
    @Consumes("application/vnd.cyclonedx+xml")
    @Produces(MediaType.APPLICATION_JSON)
    Response assessSbomXml(@QueryParam("organisation") String organisation, String sbom);

    @GET
    @Path("{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    Response status(@PathParam("id") String id);

    @GET
    @Path("{id}/summary")
    @Produces(MediaType.APPLICATION_JSON)
    Response summary(@PathParam("id") String id);

    @GET
    @Path("{id}/items/{item}")
    @Produces(MediaType.APPLICATION_JSON)
    Response item(@PathParam("id") String id, @PathParam("item") String item);

    @GET
    @Path("{id}/plan")
    @Produces(MediaType.APPLICATION_JSON)
    Response plan(@PathParam("id") String id);

    @GET
    @Path("{id}/compare/{other}")
    @Produces(MediaType.APPLICATION_JSON)
    Response compare(@PathParam("id") String id, @PathParam("other") String other);

    @GET
    @Path("{id}/report.md")
    @Produces("text/markdown")
    Response report(@PathParam("id") String id);

    @GET
    @Path("{id}/items.csv")
    @Produces("text/csv")
    Response itemsCsv(@PathParam("id") String id);

    @GET
    @Path("{id}/work-items.csv")
    @Produces("text/csv")
    Response workItemsCsv(@PathParam("id") String id);
}

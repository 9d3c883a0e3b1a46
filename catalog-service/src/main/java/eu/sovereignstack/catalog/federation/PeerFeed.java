package eu.sovereignstack.catalog.federation;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import eu.sovereignstack.catalog.service.PeerPage;

/** A peer node's change feed, relative to the base URL of its API. */
@Path("changes")
public interface PeerFeed {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    PeerPage changes(@HeaderParam("Authorization") String authorization, @QueryParam("after") long after,
            @QueryParam("size") int size);
}

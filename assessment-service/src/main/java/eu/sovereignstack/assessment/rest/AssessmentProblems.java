package eu.sovereignstack.assessment.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.sovereignstack.assessment.client.CatalogResolver;
import eu.sovereignstack.assessment.client.CatalogUnavailableException;
import eu.sovereignstack.assessment.inventory.InventoryFormatException;
import eu.sovereignstack.common.problem.Problem;
import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/** Problems particular to this service: unreadable inventory files and an unreachable catalog. */
public class AssessmentProblems {

    @ServerExceptionMapper
    public Response inventoryFormat(InventoryFormatException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemType.MALFORMED_BODY, "The inventory cannot be read at " + e.location() + ": "
                + e.getMessage(), List.of(new Problem.FieldError(e.location(), e.getMessage())), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response catalogUnavailable(CatalogUnavailableException e, UriInfo uri) {
        ProblemType type = e.timeout() ? ProblemType.TIMEOUT : ProblemType.UNAVAILABLE;
        return ProblemMappers.respond(type, e.getMessage() + " Nothing was stored; try again shortly.", List.of(),
                Map.of("Retry-After", "10"), uri);
    }

    @ServerExceptionMapper
    public Response catalogRefused(CatalogResolver.CatalogRefusedException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemType.BAD_GATEWAY, "The catalog-service refused the request (status " + e.status()
                + "); nothing was stored.", List.of(), Map.of(), uri);
    }
}

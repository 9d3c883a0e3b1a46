package eu.sovereignstack.assessment.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.sovereignstack.assessment.inventory.InventoryFormatException;
import eu.sovereignstack.common.problem.Problem;
import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/** Problems particular to this service: unreadable inventory files (the service turns catalog failures into problems). */
public class AssessmentProblems {

    @ServerExceptionMapper
    public Response inventoryFormat(InventoryFormatException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemType.MALFORMED_BODY, "The inventory cannot be read at " + e.location() + ": "
                + e.getMessage(), List.of(new Problem.FieldError(e.location(), e.getMessage())), Map.of(), uri);
    }
}

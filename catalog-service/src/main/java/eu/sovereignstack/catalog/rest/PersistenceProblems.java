package eu.sovereignstack.catalog.rest;

import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/** Concurrent writes that lost the race answer 409, not 500. */
public class PersistenceProblems {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemType.CONFLICT,
                "The change conflicts with data stored meanwhile (" + e.getKind() + "); reload and try again.",
                List.of(), Map.of(), uri);
    }

    private static Response concurrentChange(UriInfo uri) {
        return ProblemMappers.respond(ProblemType.CONFLICT,
                "The product was changed by someone else meanwhile; reload it and apply the change again.",
                List.of(), Map.of(), uri);
    }
}

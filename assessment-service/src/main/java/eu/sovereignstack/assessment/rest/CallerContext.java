package eu.sovereignstack.assessment.rest;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.sovereignstack.assessment.service.Caller;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

/** The caller of the current request, read from the validated access token. */
@RequestScoped
public class CallerContext {

    private final JsonWebToken token;

    CallerContext(JsonWebToken token) {
        this.token = token;
    }

    /** The caller; a token without an organisation may not touch tenant data (403). */
    public Caller caller() {
        Object org = token.getClaim("org");
        if (!(org instanceof String organisation) || organisation.isBlank()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your token carries no organisation (org claim).");
        }
        String user = token.getClaim("preferred_username");
        return new Caller(token.getIssuer(), organisation, user != null ? user : token.getSubject());
    }
}

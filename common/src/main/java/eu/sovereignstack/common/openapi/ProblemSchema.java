package eu.sovereignstack.common.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.common.problem.Problem;

/**
 * Puts the problem schema into every service's document once, so that no operation has to name
 * it: {@link ProblemResponses} points every error response at it. The info here is a placeholder;
 * each service's {@code quarkus.smallrye-openapi.info-*} settings give its own.
 */
@OpenAPIDefinition(info = @Info(title = "Sovereign Stack", version = "1.0.0"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public final class ProblemSchema {

    private ProblemSchema() {
    }
}

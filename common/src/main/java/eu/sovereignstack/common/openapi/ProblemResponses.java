package eu.sovereignstack.common.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import eu.sovereignstack.common.problem.Problem;

/**
 * Every error a service answers is an RFC 9457 problem, whoever produced it: this says so in the
 * document. Error responses added without a body (the 401 and 403 Quarkus adds for secured
 * operations) get the problem body; every operation documents the 500 problem that the
 * exception mappers answer for anything unexpected, and every operation that takes a body the
 * 413 (over the size limit) and 415 (a content type it does not take) the HTTP layer answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null || responses.getAPIResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
                    boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                    if (error && (response.getValue().getContent() == null || response.getValue().getContent().getMediaTypes() == null
                            || response.getValue().getContent().getMediaTypes().isEmpty())) {
                        response.getValue().setContent(problem());
                    }
                }
                addIfMissing(responses, "500", "Unexpected error (logged with the id the detail names)");
                if (operation.getRequestBody() != null) {
                    addIfMissing(responses, "413", "The body is larger than the service accepts");
                    addIfMissing(responses, "415", "The body's content type is not one this operation takes");
                }
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem()));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }
}

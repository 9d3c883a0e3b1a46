package eu.sovereignstack.common.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
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
 *
 * <p>So no operation names the problem schema itself ({@link ProblemSchema} declares it once).
 * Because the references to it are made here, after SmallRye's own removal of unused schemas
 * would have run, this filter removes the schemas no operation uses instead (services turn
 * SmallRye's off).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String PROBLEM_SCHEMA = SCHEMA_REF + "Problem";

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
        removeUnusedSchemas(openAPI);
    }

    /** Keeps the schemas an operation reaches, directly or through other schemas. */
    private static void removeUnusedSchemas(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> addSchema(pending, parameter.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    addContent(pending, operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> addContent(pending, response.getContent()));
                }
            }
        }
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(SCHEMA_REF) && used.add(ref.substring(SCHEMA_REF.length()))) {
                addSchema(pending, components.getSchemas().get(ref.substring(SCHEMA_REF.length())));
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> addSchema(pending, property));
            }
            addSchema(pending, schema.getItems());
            addSchema(pending, schema.getNot());
            addSchema(pending, schema.getAdditionalPropertiesSchema());
            for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (group != null) {
                    group.forEach(member -> addSchema(pending, member));
                }
            }
        }
        new ArrayList<>(components.getSchemas().keySet()).stream()
                .filter(name -> !used.contains(name))
                .forEach(components::removeSchema);
    }

    private static void addContent(Deque<Schema> pending, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> addSchema(pending, media.getSchema()));
        }
    }

    private static void addSchema(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.push(schema);
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

package eu.sovereignstack.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every answer a service's tests receive against the OpenAPI document the service
 * publishes ({@code /q/openapi}), so that the contract and the code cannot drift apart: a status,
 * header or body the document does not describe fails the test. Requests are not checked, since
 * many tests send malformed ones on purpose; their answers must still be documented.
 * <p>
 * {@link #install()} once per test JVM (the services' token helpers do it).
 */
public final class ContractValidation implements Filter {

    private static final ContractValidation INSTANCE = new ContractValidation();
    private final Map<Integer, OpenApiValidationFilter> validators = new ConcurrentHashMap<>();

    private ContractValidation() {
    }

    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        if (request.getDerivedPath().startsWith("/q/")) {
            return context.next(request, response);
        }
        return validators.computeIfAbsent(request.getPort(), ContractValidation::validator).filter(request, response, context);
    }

    private static OpenApiValidationFilter validator(int port) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl("http://localhost:" + port + "/q/openapi?format=json")
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        return new OpenApiValidationFilter(validator);
    }
}

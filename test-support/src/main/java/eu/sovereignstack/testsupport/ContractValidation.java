package eu.sovereignstack.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every exchange of a service's tests against the OpenAPI document the service publishes
 * ({@code /q/openapi}), so that the contract and the code cannot drift apart. A status, header
 * or body of an answer that the document does not describe fails the test. So does a request the
 * document calls invalid that the service accepted (a 2xx): the service takes more than its
 * contract says. A request the document calls invalid and the service refused is what the many
 * tests that send malformed input on purpose expect; its answer must still be documented.
 * <p>
 * {@link #install()} once per test JVM (the services' token helpers do it).
 */
public final class ContractValidation implements Filter {

    /** A request with this header goes to a test's own helper server (a fake peer), which has no contract of ours. */
    public static final String NOT_OUR_API = "X-Test-Not-Our-Api";

    private static final ContractValidation INSTANCE = new ContractValidation();
    private final Map<Integer, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    private ContractValidation() {
    }

    public static synchronized void install() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        if (request.getDerivedPath().startsWith("/q/") || request.getHeaders().hasHeaderWithName(NOT_OUR_API)) {
            return answer;
        }
        ValidationReport report = validators.computeIfAbsent(request.getPort(), ContractValidation::validator)
                .validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer));
        boolean accepted = answer.statusCode() >= 200 && answer.statusCode() < 300;
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> accepted || !message.getKey().startsWith("validation.request"))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getDerivedPath() + " -> " + answer.statusCode()
                    + " breaks the published contract:\n" + errors.stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
        return answer;
    }

    private static OpenApiInteractionValidator validator(int port) {
        return OpenApiInteractionValidator.createForSpecificationUrl("http://localhost:" + port + "/q/openapi?format=json").build();
    }
}

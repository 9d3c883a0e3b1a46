package eu.sovereignstack.mcp;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The catalog-service and the assessment-service as WireMock servers; each test stubs what it needs. */
public class Services implements QuarkusTestResourceLifecycleManager {

    static WireMockServer catalog;
    static WireMockServer assessment;

    @Override
    public Map<String, String> start() {
        catalog = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        assessment = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        catalog.start();
        assessment.start();
        return Map.of(
                "quarkus.rest-client.catalog.url", catalog.baseUrl(),
                "quarkus.rest-client.assessment.url", assessment.baseUrl(),
                "quarkus.rest-client.assessment.read-timeout", "2000");
    }

    @Override
    public void stop() {
        catalog.stop();
        assessment.stop();
    }
}

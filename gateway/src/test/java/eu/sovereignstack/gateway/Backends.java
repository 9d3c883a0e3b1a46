package eu.sovereignstack.gateway;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The three backends as WireMock servers; each test stubs what it needs. Each start also gets its
 * own rate-limit keys in Redis, so no bucket outlives the application that filled it.
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    static WireMockServer catalog;
    static WireMockServer assessment;
    static WireMockServer mcp;

    @Override
    public Map<String, String> start() {
        catalog = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        assessment = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        mcp = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        catalog.start();
        assessment.start();
        mcp.start();
        return Map.of(
                "gateway.backends.catalog.url", catalog.baseUrl(),
                "gateway.backends.assessment.url", assessment.baseUrl(),
                "gateway.backends.mcp.url", mcp.baseUrl(),
                "gateway.public-url", "https://sovereign.example.org/",
                "gateway.backends.assessment.response-timeout", "1s",
                "gateway.rate-limit.key-prefix", "test:" + UUID.randomUUID() + ":");
    }

    @Override
    public void stop() {
        catalog.stop();
        assessment.stop();
        mcp.stop();
    }
}

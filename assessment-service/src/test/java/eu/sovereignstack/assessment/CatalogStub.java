package eu.sovereignstack.assessment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.recordSpec;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The catalog-service as the assessment-service's tests see it: WireMock answering with
 * responses recorded from the real catalog-service (src/test/resources/catalog-stub).
 *
 * <p>To record them again, run the catalog-service with the test token key (see
 * src/test/resources/catalog-stub/README.md) and the tests with {@code -Dcatalog.record=http://127.0.0.1:8081}:
 * unmatched requests are then proxied to it and saved as new stubs.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    public static final Path FILES = Path.of("src/test/resources/catalog-stub");
    /** The token jobs get from the stub's token endpoint and send to the catalog. */
    public static final String SERVICE_TOKEN = "service-token-of-the-assessment-service";
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(FILES.resolve("mappings"));
            Files.createDirectories(FILES.resolve("__files"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(FILES.toString()));
        server.start();
        String record = System.getProperty("catalog.record");
        if (record != null && !record.isBlank()) {
            server.startRecording(recordSpec().forTarget(record).matchRequestBodyWithEqualToJson(false, false)
                    .makeStubsPersistent(true).ignoreRepeatRequests().extractTextBodiesOver(0));
        }
        // The services client's token, as the realm would give it to a job (client credentials).
        server.stubFor(post(urlPathEqualTo("/realms/sovereign/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return Map.of("quarkus.rest-client.catalog.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            if (server.getRecordingStatus().getStatus().name().equals("Recording")) {
                server.stopRecording();
            }
            server.stop();
        }
    }
}

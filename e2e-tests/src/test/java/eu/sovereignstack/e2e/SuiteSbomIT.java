package eu.sovereignstack.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/**
 * The suite assesses itself: each service's own CycloneDX SBOM, as its build wrote it
 * (cyclonedx-maven-plugin, target/bom.json), goes to the assessment-service through the gateway.
 * The answer must be sane: every component an item, a score between 0 and 100, every item
 * explained, and no SPDX-listed licence taken for a proprietary one (the suite is built from open
 * source; only licences an SBOM names without an SPDX id, such as "Public Domain", which become
 * {@code LicenseRef-...}, are scored as not open).
 */
@SovereignStackTest
class SuiteSbomIT {

    private final Api gateway;

    SuiteSbomIT(SovereignStack stack) {
        this.gateway = stack.gateway();
    }

    static Stream<Path> sboms() {
        return Stream.of(System.getProperty("e2e.sboms", "").split(",")).filter(path -> !path.isBlank()).map(Path::of);
    }

    @ParameterizedTest
    @MethodSource("sboms")
    void theSuitesOwnSbomIsAssessedSanely(Path sbom) throws IOException {
        assertTrue(Files.isRegularFile(sbom), sbom + " is built with the package (cyclonedx-maven-plugin)");
        String document = Files.readString(sbom);
        JsonNode bom = Json.MAPPER.readTree(document);
        int components = count(bom.path("components"));
        String service = bom.at("/metadata/component/name").asText();

        Reply created = gateway.as(User.ASSESSOR).post("/api/v1/assessments/sbom?organisation="
                + URLEncoder.encode("Sovereign Stack", StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(service + " SBOM", StandardCharsets.UTF_8), "application/vnd.cyclonedx+json", document);
        assertEquals(201, created.status(), created::toString);
        JsonNode result = created.json().path("result");
        JsonNode organisation = result.path("organisation");
        assertEquals("cyclonedx-json", created.json().path("inputFormat").asText());
        assertEquals(components, organisation.path("itemCount").asInt(), "one item per component of " + sbom);
        assertEquals(components, result.path("items").size());
        double score = organisation.path("score").asDouble();
        assertTrue(score >= 0 && score <= 100, "score " + score);
        int seal = organisation.path("seal").asInt();
        assertTrue(seal >= 0 && seal <= 4, "SEAL " + seal);
        for (JsonNode item : result.path("items")) {
            List<String> findings = Json.texts(item.path("assessment").path("findings"), "code");
            assertFalse(findings.isEmpty(), () -> "every item is explained: " + item);
            assertFalse(findings.contains("PROPRIETARY_LICENCE") && !item.path("licence").asText().contains("LicenseRef-"),
                    () -> service + " is built from open source only: " + item);
        }
    }

    private static int count(JsonNode components) {
        int count = 0;
        for (JsonNode component : components) {
            count += 1 + count(component.path("components"));
        }
        return count;
    }
}

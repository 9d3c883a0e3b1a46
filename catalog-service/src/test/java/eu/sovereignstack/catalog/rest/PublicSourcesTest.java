package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.testsupport.TestTokens;

/**
 * Public reference sources enter as read-only origins: a dry run shows the diff and writes
 * nothing; an import writes the source's entries with their evidence, keeps this node's own
 * entries of the same slug, shows changes as merge patches and deletions of a complete source;
 * only the node's own platform-admins import; malformed input is a 400 problem.
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class PublicSourcesTest {

    private static final TestTokens TOKENS = TestTokens.forAudience("catalog-service");
    private static final String SOVEREIGNSKY = "/api/v1/sources/sovereignsky/providers";
    private static final String PUBLICCODE = "/api/v1/sources/publiccode";
    private static final String VERSION = "e5fe17a6e517cca31a0bd1e1a27b325e27ac7469";
    private static final String REPOSITORY = "https://github.com/terchris/sovereignsky-site";
    private static final String FILE = "https://code.example.org/city-of-example/citizen-desk/raw/main/publiccode.yml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String operator() {
        return TOKENS.token("platformadmin", "demo-municipality", "platform-admin", "catalog-editor", "catalog-auditor", "catalog-viewer");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A request of the operator with a YAML body (sent as text). */
    private static RequestSpecification yaml() {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/yaml", ContentType.TEXT)))
                .auth().oauth2(operator()).contentType("application/yaml");
    }

    private static String resource(String name) {
        try (InputStream in = PublicSourcesTest.class.getResourceAsStream("/sources/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode sample() {
        try {
            return (ArrayNode) JSON.readTree(resource("sovereignsky-datacenters-sample.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sovereignSkyProvidersArePreviewedImportedChangedAndDeletedAsReadOnlyEntriesOfTheirSource() {
        // A dry run shows what would happen and writes nothing.
        as(operator()).queryParam("version", VERSION).body(sample().toString()).post(SOVEREIGNSKY).then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", contains("telia", "verne"))
                .body("besideOwn", contains("hetzner"))
                .body("refused", empty());
        as(CatalogTokens.viewer()).get("/api/v1/providers/telia").then().statusCode(404);

        as(operator()).queryParam("version", VERSION).queryParam("dryRun", "false").body(sample().toString()).post(SOVEREIGNSKY)
                .then().statusCode(200).body("dryRun", equalTo(false)).body("created", contains("telia", "verne"));
        as(CatalogTokens.viewer()).get("/api/v1/providers/telia").then().statusCode(200)
                .body("country", equalTo("SE"))
                .body("type", equalTo("DATACENTER_OPERATOR"))
                .body("dataLocations", contains("FI"))
                .body("origin.node", equalTo("sovereignsky"))
                .body("origin.member", equalTo(REPOSITORY))
                .body("origin.mirrored", equalTo(true))
                .body("origin.stale", equalTo(false))
                .body("evidence.dataLocations.source", containsString(VERSION))
                .body("evidence.dataLocations.method", equalTo("IMPORTED"))
                .body("evidence.country.excerpt", equalTo("\"vendorCountryId\": \"SE\""));
        // This node's own Hetzner stays its own.
        as(CatalogTokens.viewer()).get("/api/v1/providers/hetzner").then().statusCode(200)
                .body("origin.mirrored", equalTo(false)).body("origin.node", equalTo("sovereign"));
        as(CatalogTokens.editor()).contentType("application/merge-patch+json").body("{\"name\": \"Ours now\"}")
                .patch("/api/v1/providers/telia").then().statusCode(403);

        // The same again changes nothing.
        as(operator()).queryParam("version", VERSION).queryParam("dryRun", "false").body(sample().toString()).post(SOVEREIGNSKY)
                .then().statusCode(200).body("unchanged", equalTo(3)).body("created", empty());

        // A newer version: Verne opens an Icelandic region, Telia is gone.
        ArrayNode newer = JSON.createArrayNode();
        for (var provider : sample()) {
            if (provider.path("identifier").asText().equals("verne")) {
                ObjectNode verne = (ObjectNode) provider;
                verne.withArray("regions").addObject().put("identifier", "is-1").put("name", "Iceland").put("countryId", "IS");
                newer.add(verne);
            } else if (!provider.path("identifier").asText().equals("telia")) {
                newer.add(provider);
            }
        }
        as(operator()).queryParam("version", "2026-12-03").queryParam("dryRun", "false").body(newer.toString()).post(SOVEREIGNSKY)
                .then().statusCode(200)
                .body("updated[0].key", equalTo("verne"))
                .body("updated[0].patch.dataLocations", contains("FI", "IS"))
                .body("deleted", contains("telia"));
        as(CatalogTokens.viewer()).get("/api/v1/providers/verne").then().statusCode(200).body("dataLocations", contains("FI", "IS"));
        as(CatalogTokens.viewer()).get("/api/v1/providers/telia").then().statusCode(404);

        // The node vouches for what the source says: its feed carries the source's entries for its peers.
        var feed = as(operator()).queryParam("size", 500).get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        List<String> telia = feed.getList("items.findAll { it.key == 'telia' }.operation");
        assertEquals(List.of("CREATED", "DELETED"), telia);
        assertEquals("sovereignsky", feed.getString("items.find { it.key == 'telia' }.patch.origin.node"));
        assertEquals(List.of("CREATED", "UPDATED"), feed.getList("items.findAll { it.key == 'verne' }.operation"));
        assertTrue(feed.getList("items.findAll { it.key == 'hetzner' && it.kind == 'provider' }").isEmpty(),
                "this node's own Hetzner was not changed, so nothing is published for it");
    }

    @Test
    void aPubliccodeFileBecomesAReadOnlyProductCitingTheFile() {
        yaml().body(resource("publiccode.yml"))
                .queryParam("source", FILE).queryParam("category", "collaboration").queryParam("stewardCountry", "IT")
                .post(PUBLICCODE).then().statusCode(200)
                .body("dryRun", equalTo(true)).body("created", contains("example-citizen-desk"));
        as(CatalogTokens.viewer()).get("/api/v1/products/example-citizen-desk").then().statusCode(404);

        yaml().body(resource("publiccode.yml"))
                .queryParam("source", FILE).queryParam("category", "collaboration").queryParam("stewardCountry", "IT")
                .queryParam("dryRun", "false").post(PUBLICCODE).then().statusCode(200);
        as(CatalogTokens.viewer()).get("/api/v1/products/example-citizen-desk").then().statusCode(200)
                .body("name", equalTo("Example Citizen Desk"))
                .body("licence", equalTo("EUPL-1.2"))
                .body("governance", equalTo("SINGLE_VENDOR"))
                .body("steward.name", equalTo("City of Example"))
                .body("steward.country", equalTo("IT"))
                .body("sourceRepository", equalTo("https://code.example.org/city-of-example/citizen-desk"))
                .body("website", equalTo("https://citizen-desk.example.org"))
                .body("health.latestReleaseVersion", equalTo("2.4.1"))
                .body("health.latestReleaseDate", equalTo("2026-10-15"))
                .body("description", containsString("Help desk for citizens"))
                .body("evidence.licence.source", equalTo(FILE + " (softwareVersion 2.4.1)"))
                .body("evidence.licence.excerpt", equalTo("license: EUPL-1.2"))
                .body("origin.node", equalTo("publiccode"))
                .body("origin.member", equalTo("https://code.example.org/city-of-example/citizen-desk"))
                .body("origin.mirrored", equalTo(true));
        as(CatalogTokens.editor()).delete("/api/v1/products/example-citizen-desk").then().statusCode(403);
    }

    @Test
    void whatTheCatalogRefusesIsReportedAndNotWritten() {
        yaml().body(resource("publiccode.yml").replace("EUPL-1.2", "Not-A-Licence"))
                .queryParam("source", FILE).queryParam("category", "no-such-category").queryParam("stewardCountry", "IT")
                .queryParam("dryRun", "false").post(PUBLICCODE).then().statusCode(200)
                .body("created", empty())
                .body("refused[0].key", equalTo("example-citizen-desk"))
                .body("refused[0].errors.field", hasItem("category"))
                .body("refused[0].errors.field", hasItem("licence"));
    }

    @Test
    void onlyTheNodesOwnOperatorsImportAndBadInputIsAProblem() {
        as(CatalogTokens.editor()).queryParam("version", VERSION).body(sample().toString()).post(SOVEREIGNSKY).then().statusCode(403);
        String partnerAdmin = TOKENS.fromPartner().token("partner-admin", "demo-municipality", "platform-admin", "catalog-editor",
                "catalog-viewer");
        as(partnerAdmin).queryParam("version", VERSION).body(sample().toString()).post(SOVEREIGNSKY).then().statusCode(403)
                .contentType("application/problem+json");
        as(operator()).body(sample().toString()).post(SOVEREIGNSKY).then().statusCode(400);
        as(operator()).queryParam("version", VERSION).body("{\"providers\": []}").post(SOVEREIGNSKY).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        as(operator()).queryParam("version", VERSION).queryParam("dryRun", "maybe").body(sample().toString()).post(SOVEREIGNSKY)
                .then().statusCode(400);
        yaml().body("name: [unclosed")
                .queryParam("source", FILE).queryParam("category", "collaboration").queryParam("stewardCountry", "IT")
                .post(PUBLICCODE).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        yaml().body("name: Not a publiccode file\n")
                .queryParam("source", FILE).queryParam("category", "collaboration").queryParam("stewardCountry", "IT")
                .post(PUBLICCODE).then().statusCode(400).body("errors[0].field", equalTo("body.publiccodeYmlVersion"));
        yaml().body(resource("publiccode.yml"))
                .queryParam("category", "collaboration").queryParam("stewardCountry", "IT")
                .post(PUBLICCODE).then().statusCode(400).body("detail", not(containsString("Exception")));
    }
}

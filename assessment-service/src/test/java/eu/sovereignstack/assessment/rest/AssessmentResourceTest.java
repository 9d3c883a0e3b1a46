package eu.sovereignstack.assessment.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.assessment.CatalogStub;
import eu.sovereignstack.assessment.Tokens;
import eu.sovereignstack.testsupport.LocalPostgresDatabase;

@QuarkusTest
@QuarkusTestResource(value = LocalPostgresDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(CatalogStub.class)
class AssessmentResourceTest {

    static final String ASSESSMENTS = "/api/v1/assessments";

    static String resource(String name) {
        try (InputStream in = AssessmentResourceTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    static String createMunicipality(String token) {
        return as(token).contentType(ContentType.JSON).body(resource("assessments/municipality.json"))
                .when().post(ASSESSMENTS).then().statusCode(201).extract().path("id");
    }

    // ---- the worked example ---------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void findingsNameTheirFactsWithEvidenceAndTheReportPrintsThem() {
        ValidatableResponse response = as(Tokens.assessor()).contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json"))
                .when().post(ASSESSMENTS)
                .then().statusCode(201);
        List<Map<String, Object>> items = response.extract().path("result.items");
        Map<String, Object> vsphere = items.stream().filter(i -> "VMware vSphere".equals(i.get("name"))).findFirst().orElseThrow();
        List<Map<String, Object>> findings = path(vsphere, "assessment", "findings");
        Map<String, Object> control = findings.stream().filter(f -> "NON_EU_VENDOR_CONTROL".equals(f.get("code"))).findFirst()
                .orElseThrow();
        List<Map<String, Object>> facts = path(control, "facts");
        Map<String, Object> steward = facts.stream().filter(f -> "steward".equals(f.get("fact"))).findFirst().orElseThrow();
        assertEquals(true, steward.get("known"));
        assertTrue(String.valueOf(steward.get("source")).startsWith("https://"), steward.toString());
        assertTrue(steward.get("asOf") != null && steward.get("method") != null && steward.get("assertedBy") != null, steward.toString());
        // A self-hosted item's energy is the organisation's: not given in this inventory, so it is unknown.
        Map<String, Object> energy = findings.stream().filter(f -> "UNKNOWN_ENVIRONMENTAL_FACTS".equals(f.get("code")))
                .findFirst().orElseThrow();
        assertEquals(List.of(false), ((List<Map<String, Object>>) energy.get("facts")).stream().map(f -> f.get("known")).toList());

        String id = response.extract().path("id");
        String report = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/report.md").then().statusCode(200)
                .extract().asString();
        assertTrue(report.contains("  - steward of product VMware vSphere: Broadcom Inc. (US) (https://"), report);
        assertTrue(report.contains("asserted by "), report);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOrganisationsOwnEnergyFactsDecideSov8OfWhatItHosts() throws Exception {
        ObjectNode inventory = (ObjectNode) new ObjectMapper().readTree(resource("assessments/municipality.json"));
        ((ObjectNode) inventory.get("organisation")).putObject("energy")
                .put("pue", 1.2).put("renewableShare", 1.0).put("climateNeutralDataCentrePact", true);
        List<Map<String, Object>> items = as(Tokens.assessor()).contentType(ContentType.JSON).body(inventory.toString())
                .when().post(ASSESSMENTS).then().statusCode(201).extract().path("result.items");
        Map<String, Object> portal = items.stream().filter(i -> "Citizen portal".equals(i.get("name"))).findFirst().orElseThrow();
        Map<String, Object> zoom = items.stream().filter(i -> "Zoom".equals(i.get("name"))).findFirst().orElseThrow();
        assertEquals(4, ((Map<String, Object>) path(portal, "assessment", "levels")).get("SOV-8"), "the organisation's green data centre");
        assertEquals(2, ((Map<String, Object>) path(zoom, "assessment", "levels")).get("SOV-8"), "a SaaS vendor's energy is unknown");

        ((ObjectNode) inventory.get("organisation").get("energy")).put("pue", 0.5);
        as(Tokens.assessor()).contentType(ContentType.JSON).body(inventory.toString()).when().post(ASSESSMENTS)
                .then().statusCode(400).body("errors.field", hasItem("organisation.energy.pue"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    @Test
    void theMunicipalityGetsFindingsAlternativesAndWavesWithIdentityFirst() {
        ValidatableResponse response = as(Tokens.assessor()).contentType(ContentType.JSON)
                .body(resource("assessments/municipality.json"))
                .when().post(ASSESSMENTS)
                .then().statusCode(201)
                .header("Location", containsString(ASSESSMENTS + "/"))
                .body("name", equalTo("Municipality baseline 2026"))
                .body("createdBy", equalTo("assessor"))
                .body("profile", equalTo("eu-csf-1.2.1"))
                .body("result.organisation.itemCount", equalTo(6))
                .body("result.organisation.unknownItems", equalTo(1))
                .body("result.organisation.score", lessThan(50f))
                .body("result.organisation.projectedScore", greaterThan(70f));
        JsonPath result = response.extract().jsonPath().setRootPath("result");

        assertEquals("microsoft-entra-id", result.getString("items.find { it.id == 'idp' }.product"));
        assertEquals("vmware-vsphere", result.getString("items.find { it.id == 'virtualisation' }.product"));
        assertEquals(List.of("NONE"), result.getList("items.findAll { it.id == 'portal' }.matchedBy"));
        assertTrue(result.getList("items.find { it.id == 'portal' }.assessment.findings.code").contains("UNKNOWN_COMPONENT"));
        assertTrue(result.getList("items.find { it.id == 'office' }.assessment.findings.code")
                .containsAll(List.of("NON_EU_JURISDICTION", "DATA_OUTSIDE_EU", "PROPRIETARY_LICENCE")));
        assertEquals(0, result.getInt("items.find { it.id == 'office' }.assessment.levels.'SOV-2'"));

        assertTrue(alternatives(result, "virtualisation").stream().anyMatch(s -> s.equals("proxmox-ve") || s.equals("opennebula")),
                alternatives(result, "virtualisation").toString());
        assertTrue(alternatives(result, "office").stream().anyMatch(s -> List.of("nextcloud", "bluemind", "cryptpad", "exo-platform",
                "collabora-online").contains(s)), alternatives(result, "office").toString());
        assertTrue(alternatives(result, "idp").contains("keycloak"), alternatives(result, "idp").toString());
        assertTrue(alternatives(result, "meetings").stream().anyMatch(s -> s.equals("jitsi-meet") || s.equals("bigbluebutton")),
                alternatives(result, "meetings").toString());
        assertTrue(result.getString("items.find { it.id == 'storage' }.plan.chosen.product") != null);
        assertTrue(result.getFloat("items.find { it.id == 'storage' }.plan.chosen.scoreAfter")
                > result.getFloat("items.find { it.id == 'storage' }.assessment.score"));

        assertEquals(List.of("idp"), result.getList("waves[0].items.id"), "identity migrates first");
        assertTrue(result.getList("waves[1].items.id").containsAll(List.of("virtualisation", "office", "meetings", "storage")));
        assertEquals(result.getInt("waves[0].effort") + result.getInt("waves[1].effort"), result.getInt("waves[1].cumulativeEffort"));
        assertEquals("RETAIN", result.getString("items.find { it.id == 'portal' }.plan.disposition"));
        assertTrue(List.of("REPURCHASE", "REFACTOR").contains(result.getString("items.find { it.id == 'idp' }.plan.disposition")));
        assertEquals("EXTRA_LARGE", result.getString("items.find { it.id == 'idp' }.plan.effort"),
                "critical, confidential, 1,200 users and five dependents push the effort up");

        assertEquals(false, result.getBoolean("policy.passed"));
        assertTrue(result.getList("policy.items.id").contains("office"));
        assertTrue(result.getList("policy.organisationMisses.objective").contains("SOV-2"));
    }

    private static List<String> alternatives(JsonPath result, String id) {
        return result.getList("items.find { it.id == '" + id + "' }.plan.alternatives.product");
    }

    @Test
    void theCatalogIsAskedInOneCallWithTheCallersToken() {
        int before = CatalogStub.server().countRequestsMatching(postRequestedFor(urlEqualTo("/api/v1/products/resolve")).build()).getCount();
        createMunicipality(Tokens.assessor());
        CatalogStub.server().verify(before + 1, postRequestedFor(urlEqualTo("/api/v1/products/resolve"))
                .withHeader("Authorization", matching("Bearer ey.+")));
    }

    // ---- other formats ----------------------------------------------------------------------------

    @Test
    void aCsvInventoryIsAssessed() {
        as(Tokens.assessor()).contentType("text/csv").queryParam("organisation", "Ville d'Exemple")
                .queryParam("minimumSeal", "SOV-3:3")
                .body(resource("assessments/municipality.csv"))
                .when().post(ASSESSMENTS + "/csv")
                .then().statusCode(201)
                .body("inputFormat", equalTo("csv"))
                .body("result.organisation.name", equalTo("Ville d'Exemple"))
                .body("result.items.id", hasItems("idp", "files"))
                .body("result.items.find { it.id == 'files' }.product", equalTo("nextcloud"))
                .body("result.policy.minimumSeal.'SOV-3'", equalTo(3));
    }

    @Test
    void cycloneDxSbomsAreAssessedInJsonAndXml() {
        as(Tokens.assessor()).contentType("application/vnd.cyclonedx+json")
                .body(resource("inventories/citizen-portal-1.6.cdx.json"))
                .when().post(ASSESSMENTS + "/sbom")
                .then().statusCode(201)
                .body("inputFormat", equalTo("cyclonedx-json"))
                .body("result.items.size()", greaterThan(2))
                .body("result.items.product", hasItem("keycloak"))
                // The PostgreSQL JDBC driver is a library: matched by purl only, it is not the PostgreSQL server,
                // and keeps the licence its SBOM gives; the server's image matches by its purl.
                .body("result.items.find { it.id == 'pkg:maven/org.postgresql/postgresql@42.7.4?type=jar' }.product",
                        org.hamcrest.Matchers.nullValue())
                .body("result.items.find { it.id == 'pkg:maven/org.postgresql/postgresql@42.7.4?type=jar' }.licence",
                        equalTo("BSD-2-Clause"))
                .body("result.items.find { it.id == 'pkg:docker/library/postgres@16.4' }.product", equalTo("postgresql"))
                // Libraries count in what depends on them: vert.x in Quarkus REST; the others in the portal the SBOM describes.
                .body("result.organisation.libraries", equalTo(5))
                .body("result.items.find { it.id == 'pkg:maven/io.vertx/vertx-core@4.5.10?type=jar' }.partOf",
                        equalTo(List.of("pkg:maven/io.quarkus/quarkus-rest@3.15.1?type=jar")))
                .body("result.items.find { it.id == 'pkg:maven/io.quarkus/quarkus-rest@3.15.1?type=jar' }.libraries.count",
                        equalTo(1));
        as(Tokens.assessor()).contentType("application/vnd.cyclonedx+xml").queryParam("sector", "public-administration")
                .queryParam("country", "FR")
                .body(resource("inventories/citizen-portal-1.6.cdx.xml"))
                .when().post(ASSESSMENTS + "/sbom/xml")
                .then().statusCode(201)
                .body("inputFormat", equalTo("cyclonedx-xml"))
                .body("result.items.size()", greaterThan(2))
                // The SBOM names the organisation; the query adds its sector.
                .body("result.organisation.name", equalTo("Ville d'Exemple"))
                .body("result.organisation.sector", equalTo("public-administration"));
        // application/xml is an XML SBOM too.
        as(Tokens.assessor()).contentType("application/xml")
                .body(resource("inventories/citizen-portal-1.6.cdx.xml"))
                .when().post(ASSESSMENTS + "/sbom/xml")
                .then().statusCode(201)
                .body("inputFormat", equalTo("cyclonedx-xml"));
        // The collection takes JSON only; each file format has its own operation.
        as(Tokens.assessor()).contentType("text/csv").queryParam("organisation", "X").body("name\nZoom\n")
                .when().post(ASSESSMENTS)
                .then().statusCode(415).contentType("application/problem+json");
    }

    // ---- bad input ----------------------------------------------------------------------------------

    @Test
    void aBrokenCsvSaysWhere() {
        as(Tokens.assessor()).contentType("text/csv").queryParam("organisation", "X")
                .body("name,users\nZoom,many\n")
                .when().post(ASSESSMENTS + "/csv")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 2"))
                .body("errors[0].message", containsString("users"));
        as(Tokens.assessor()).contentType("text/csv").body("name\nZoom\n")
                .when().post(ASSESSMENTS + "/csv")
                .then().statusCode(400).body("errors.field", hasItem("organisation"));
    }

    @Test
    void aBrokenSbomSaysWhere() {
        as(Tokens.assessor()).contentType("application/vnd.cyclonedx+json").body("{\"bomFormat\": \"CycloneDX\", \"components\": [")
                .when().post(ASSESSMENTS + "/sbom")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line"));
        as(Tokens.assessor()).contentType("application/vnd.cyclonedx+xml").body("<bom><components><component>")
                .when().post(ASSESSMENTS + "/sbom/xml")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDependencyCycleIsA422NamingItsItems() {
        as(Tokens.assessor()).contentType(ContentType.JSON).body("""
                {"organisation": {"name": "Loop"}, "items": [
                  {"id": "a", "name": "Keycloak", "dependsOn": ["c"]},
                  {"id": "b", "name": "Nextcloud", "dependsOn": ["a"]},
                  {"id": "c", "name": "Jitsi Meet", "dependsOn": ["b"]},
                  {"id": "d", "name": "Zoom"}]}""")
                .when().post(ASSESSMENTS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("a -> c -> b -> a"))
                .body("errors.field", equalTo(List.of("items[0].dependsOn", "items[1].dependsOn", "items[2].dependsOn")));
    }

    @Test
    void invalidInventoriesNameTheFields() {
        as(Tokens.assessor()).contentType(ContentType.JSON).body("""
                {"organisation": {"name": "X", "country": "France"}, "items": [
                  {"id": "a", "name": "Zoom", "dependsOn": ["ghost"], "deployment": {"model": "CLOUD"}}]}""")
                .when().post(ASSESSMENTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("items[0].deployment.model"));
        as(Tokens.assessor()).contentType(ContentType.JSON).body("""
                {"organisation": {"name": "X", "country": "France"}, "items": [
                  {"id": "a", "name": "Zoom", "dependsOn": ["ghost"]}, {"id": "a", "name": ""}]}""")
                .when().post(ASSESSMENTS)
                .then().statusCode(400)
                .body("errors.field", hasItems("organisation.country", "items[1].name"));
        as(Tokens.assessor()).contentType(ContentType.JSON).body("""
                {"organisation": {"name": "X"}, "items": [
                  {"id": "a", "name": "Zoom", "dependsOn": ["ghost"]}, {"id": "a", "name": "Slack"}]}""")
                .when().post(ASSESSMENTS)
                .then().statusCode(400)
                .body("errors.field", hasItems("items[0].dependsOn", "items[1].id"));
        as(Tokens.assessor()).contentType(ContentType.JSON).body("{\"organisation\": {\"name\": \"X\"}, \"items\": []}")
                .when().post(ASSESSMENTS)
                .then().statusCode(400).body("errors.field", hasItem("items"));
        as(Tokens.assessor()).contentType("application/pdf").body("%PDF".getBytes(StandardCharsets.UTF_8))
                .when().post(ASSESSMENTS)
                .then().statusCode(415).contentType("application/problem+json");
    }

    // ---- profiles and policy --------------------------------------------------------------------------

    @Test
    void profilesAreListedAndChosen() {
        as(Tokens.assessor()).when().get("/api/v1/scoring-profiles")
                .then().statusCode(200)
                .body("id", hasItems("eu-csf-1.2.1", "eu-csf-1.2.1-data-first"))
                .body("find { it.id == 'eu-csf-1.2.1' }.isDefault", equalTo(true))
                .body("find { it.id == 'eu-csf-1.2.1' }.weights.'SOV-5'", equalTo(20));
        String body = resource("assessments/municipality.json").replaceFirst("\\{", "{\"profile\": \"eu-csf-1.2.1-data-first\", ");
        as(Tokens.assessor()).contentType(ContentType.JSON).body(body).when().post(ASSESSMENTS)
                .then().statusCode(201)
                .body("profile", equalTo("eu-csf-1.2.1-data-first"))
                .body("result.weights.'SOV-2'", equalTo(20));
        String unknown = resource("assessments/municipality.json").replaceFirst("\\{", "{\"profile\": \"made-up\", ");
        as(Tokens.assessor()).contentType(ContentType.JSON).body(unknown).when().post(ASSESSMENTS)
                .then().statusCode(400).body("errors.field", hasItem("profile"));
    }

    // ---- stored assessments --------------------------------------------------------------------------

    @Test
    void listGetRerunCompareAndExport() throws Exception {
        String first = createMunicipality(Tokens.assessor());
        String after = as(Tokens.assessor()).contentType(ContentType.JSON).body(resource("assessments/municipality-after.json"))
                .when().post(ASSESSMENTS).then().statusCode(201).extract().path("id");

        as(Tokens.assessor()).queryParam("size", 2).when().get(ASSESSMENTS)
                .then().statusCode(200)
                .body("items[0].id", equalTo(after))
                .body("items[1].id", equalTo(first))
                .body("totalItems", greaterThan(1));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first)
                .then().statusCode(200).body("id", equalTo(first)).body("result.items.size()", equalTo(6));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first + "/catalog-facts")
                .then().statusCode(200).body("products.keycloak.product.slug", equalTo("keycloak"));

        as(Tokens.assessor()).when().post(ASSESSMENTS + "/" + first + "/rerun")
                .then().statusCode(201).body("rerunOf", equalTo(first)).body("id", not(equalTo(first)));

        JsonPath comparison = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first + "/compare/" + after)
                .then().statusCode(200).extract().jsonPath();
        double shares = comparison.getList("objectives.scoreTo", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertEquals(comparison.getDouble("to.score"), shares, 0.5, "the objectives' shares add up to the score");
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first + "/compare/" + after)
                .then().statusCode(200)
                .body("scoreDelta", greaterThan(0f))
                .body("resolvedFindings.item", hasItems("idp", "meetings"))
                .body("objectives.size()", equalTo(8))
                .body("objectives.find { it.objective == 'SOV-1' }.scoreDelta", greaterThan(0f))
                .body("objectives.find { it.objective == 'SOV-1' }.scoreFrom", lessThan(15f));

        String csv = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first + "/items.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("id,name,product,matched_by,deployment,criticality,score,seal,confidence,SOV-1"), csv);
        assertEquals(7, csv.strip().split("\n").length, csv);
        String work = as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first + "/work-items.csv")
                .then().statusCode(200).extract().asString();
        assertTrue(work.startsWith("Summary,Description,Labels,Priority,Wave,Effort,\"Estimate points\""), work);
        assertTrue(work.contains("Wave 1: Replace Microsoft Entra ID with"), work);
        // Priority: the worst finding's severity, moved by the item's criticality.
        Map<String, String> priorities = new HashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(work)) {
            rows.forEachRemaining(row -> priorities.put(row.get("Summary").replaceAll("^Wave \\d+: | with .*", ""), row.get("Priority")));
        }
        assertEquals("Medium", priorities.get("Replace Zoom"), "Zoom is of medium criticality: " + priorities);
        assertEquals("Highest", priorities.get("Replace Microsoft Entra ID"), "Entra ID is critical: " + priorities);
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + first + "/report.md")
                .then().statusCode(200).contentType(startsWith("text/markdown"))
                .body(containsString("# Sovereignty assessment: Ville d'Exemple"))
                .body(containsString("## Migration waves"))
                .body(containsString("| SOV-5 Supply chain | 20% |"));
    }

    // ---- tenancy and roles --------------------------------------------------------------------------

    @Test
    void anotherOrganisationSeesNothingAndChangesNothing() {
        String id = createMunicipality(Tokens.assessor());
        String theirs = createMunicipality(Tokens.otherOrgAssessor());
        for (String path : List.of("", "/catalog-facts", "/items.csv", "/work-items.csv", "/report.md", "/compare/" + theirs)) {
            as(Tokens.otherOrgAssessor()).when().get(ASSESSMENTS + "/" + id + path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        as(Tokens.otherOrgAssessor()).when().post(ASSESSMENTS + "/" + id + "/rerun").then().statusCode(404);
        // Comparing with another organisation's assessment: the problem names the one not found, only it.
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id + "/compare/" + theirs)
                .then().statusCode(404).body("detail", equalTo("No assessment '" + theirs + "'."));
        as(Tokens.otherOrgAdmin()).when().delete(ASSESSMENTS + "/" + id).then().statusCode(404);
        as(Tokens.otherOrgAssessor()).queryParam("size", 100).when().get(ASSESSMENTS)
                .then().statusCode(200).body("items.id", not(hasItem(id))).body("items.id", hasItem(theirs));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(200);
    }

    @Test
    void theSameOrganisationNameInAnotherRealmIsAnotherTenant() {
        String ours = createMunicipality(Tokens.assessor());
        String partners = createMunicipality(Tokens.partnerAssessor());
        for (String path : List.of("", "/catalog-facts", "/items.csv", "/work-items.csv", "/report.md", "/compare/" + partners)) {
            as(Tokens.partnerAssessor()).when().get(ASSESSMENTS + "/" + ours + path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        as(Tokens.partnerAssessor()).when().post(ASSESSMENTS + "/" + ours + "/rerun").then().statusCode(404);
        as(Tokens.partnerAdmin()).when().delete(ASSESSMENTS + "/" + ours).then().statusCode(404);
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + partners).then().statusCode(404);
        as(Tokens.partnerAssessor()).queryParam("size", 100).when().get(ASSESSMENTS)
                .then().statusCode(200).body("items.id", hasItem(partners)).body("items.id", not(hasItem(ours)));
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + ours).then().statusCode(200);
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String id = createMunicipality(Tokens.assessor());
        as(Tokens.assessor()).when().delete(ASSESSMENTS + "/" + id).then().statusCode(403).contentType("application/problem+json");
        as(Tokens.viewer()).when().get(ASSESSMENTS).then().statusCode(403);
        as(Tokens.viewer()).contentType(ContentType.JSON).body(resource("assessments/municipality.json")).when().post(ASSESSMENTS)
                .then().statusCode(403);
        given().when().get(ASSESSMENTS).then().statusCode(401).contentType("application/problem+json");
        as(Tokens.ASSESSMENT.expired("assessor", Tokens.MUNICIPALITY, "assessor")).when().get(ASSESSMENTS).then().statusCode(401);
        as(Tokens.ASSESSMENT.tamperedSignature("assessor", Tokens.MUNICIPALITY, "assessor")).when().get(ASSESSMENTS)
                .then().statusCode(401);
        for (String forged : List.of(Tokens.ASSESSMENT.notYetValid("assessor", Tokens.MUNICIPALITY, "assessor"),
                Tokens.ASSESSMENT.unsigned("assessor", Tokens.MUNICIPALITY, "assessor"),
                Tokens.ASSESSMENT.hs256WithPublicKey("assessor", Tokens.MUNICIPALITY, "assessor"),
                Tokens.ASSESSMENT.unknownKey("assessor", Tokens.MUNICIPALITY, "assessor"))) {
            as(forged).when().get(ASSESSMENTS).then().statusCode(401).contentType("application/problem+json");
        }
        as(eu.sovereignstack.testsupport.TestTokens.forAudience("catalog-service").token("assessor", Tokens.MUNICIPALITY, "assessor"))
                .when().get(ASSESSMENTS).then().statusCode(401);
        as(Tokens.ASSESSMENT.token("nobody", null, "assessor")).when().get(ASSESSMENTS)
                .then().statusCode(403).body("detail", containsString("organisation"));
        as(Tokens.orgAdmin()).when().delete(ASSESSMENTS + "/" + id).then().statusCode(204);
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/" + id).then().statusCode(404);
        as(Tokens.assessor()).when().get(ASSESSMENTS + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void healthAndOpenApiArePublic() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/assessments'.post", notNullValue())
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"));
    }
}

package eu.sovereignstack.assessment.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.assessment.domain.Inventory;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.domain.Organisation;
import eu.sovereignstack.assessment.domain.Usage;

class CycloneDxInventoryParserTest {

    private static final Organisation ORGANISATION = new Organisation("Ville d'Exemple", "public-administration", "FR");

    private static final String KEYCLOAK = "pkg:maven/org.keycloak/keycloak-core@26.0.7?type=jar";
    private static final String POSTGRESQL = "pkg:maven/org.postgresql/postgresql@42.7.4?type=jar";
    private static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core@2.24.1?type=jar";
    private static final String QUARKUS_REST = "pkg:maven/io.quarkus/quarkus-rest@3.15.1?type=jar";
    private static final String VERTX = "pkg:maven/io.vertx/vertx-core@4.5.10?type=jar";
    private static final String POSTGRES_IMAGE = "pkg:docker/library/postgres@16.4";

    /** What each citizen-portal fixture, whatever its version and format, must give. */
    private static final List<InventoryItem> CITIZEN_PORTAL = List.of(
            item(KEYCLOAK, "keycloak-core", KEYCLOAK, "26.0.7", "Apache-2.0", Criticality.LOW, List.of(LOG4J)),
            item(POSTGRESQL, "postgresql", POSTGRESQL, "42.7.4", "BSD-2-Clause", Criticality.LOW, List.of()),
            item(LOG4J, "log4j-core", LOG4J, "2.24.1", "Apache-2.0", Criticality.LOW, List.of()),
            item(QUARKUS_REST, "quarkus-rest", QUARKUS_REST, "3.15.1", "Apache-2.0", Criticality.MEDIUM, List.of(VERTX)),
            item(VERTX, "vertx-core", VERTX, "4.5.10", "EPL-2.0 OR Apache-2.0", Criticality.LOW, List.of()),
            item("component-6", "bcprov-jdk18on", "pkg:maven/org.bouncycastle/bcprov-jdk18on@1.78.1?type=jar", "1.78.1",
                    "LicenseRef-Bouncy-Castle-Licence", Criticality.LOW, List.of()),
            item(POSTGRES_IMAGE, "postgres", POSTGRES_IMAGE, "16.4", null, Criticality.MEDIUM, List.of()));

    private final CycloneDxInventoryParser parser = new CycloneDxInventoryParser();

    @ParameterizedTest
    @ValueSource(strings = {"citizen-portal-1.5.cdx.json", "citizen-portal-1.6.cdx.json",
            "citizen-portal-1.5.cdx.xml", "citizen-portal-1.6.cdx.xml"})
    void readsEveryComponentNestedOnesAndTheDependencyGraph(String file) throws Exception {
        Inventory inventory = parse(file, resource(file), null);

        assertEquals(CITIZEN_PORTAL, inventory.items());
        assertEquals(new Organisation("Ville d'Exemple", null, null), inventory.organisation());
    }

    @Test
    void readsJsonWithAByteOrderMark() throws Exception {
        byte[] json = resource("citizen-portal-1.6.cdx.json");
        byte[] withMark = new byte[json.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withMark, 3, json.length);

        assertEquals(CITIZEN_PORTAL, parser.parseJson(withMark, ORGANISATION).items());
    }

    @Test
    void keepsTheCallersOrganisation() throws Exception {
        assertSame(ORGANISATION, parser.parseJson(resource("citizen-portal-1.6.cdx.json"), ORGANISATION).organisation());
        assertSame(ORGANISATION, parser.parseXml(resource("citizen-portal-1.6.cdx.xml"), ORGANISATION).organisation());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'\"supplier\": {\"name\": \"Acme GmbH\"}, \"component\": {\"type\": \"application\", \"name\": \"shop\"}' | Acme GmbH",
            "'\"manufacturer\": {\"name\": \"Maker SAS\"}, \"component\": {\"type\": \"application\", \"name\": \"shop\"}' | Maker SAS",
            "'\"manufacture\": {\"name\": \"Maker SAS\"}'                                                              | Maker SAS",
            "'\"supplier\": {\"name\": \"  \"}, \"component\": {\"type\": \"application\", \"name\": \"shop\\nfront\"}'  | shop front",
            "'\"timestamp\": \"2025-01-15T10:00:00Z\"'                                                                 | Unnamed organisation"})
    void namesTheOrganisationFromTheMetadataWhenNoneIsGiven(String metadata, String name) throws Exception {
        String sbom = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": {" + metadata + "},"
                + " \"components\": [{\"type\": \"library\", \"name\": \"a\"}]}";

        assertEquals(new Organisation(name, null, null), parser.parseJson(bytes(sbom), null).organisation());
    }

    @Test
    void withoutMetadataTheOrganisationIsUnnamed() throws Exception {
        Inventory inventory = parser.parseJson(bytes("{\"components\": [{\"type\": \"library\", \"name\": \"a\"}]}"), null);

        assertEquals("Unnamed organisation", inventory.organisation().name());
    }

    static Stream<Arguments> licences() {
        return Stream.of(
                Arguments.of("[{\"expression\": \"MIT OR Apache-2.0\"}]", "MIT OR Apache-2.0"),
                Arguments.of("[{\"license\": {\"id\": \"MIT\"}}]", "MIT"),
                // Several listed licences are alternatives (CycloneDX: disjunctive; Maven: any may be chosen).
                Arguments.of("[{\"license\": {\"id\": \"MIT\"}}, {\"license\": {\"id\": \"BSD-3-Clause\"}}]", "MIT OR BSD-3-Clause"),
                Arguments.of("[{\"license\": {\"id\": \"MIT\"}}, {\"license\": {\"id\": \"MIT\"}}]", "MIT"),
                // Concluded licences decide when some are marked so.
                Arguments.of("[{\"license\": {\"id\": \"GPL-3.0-only\", \"acknowledgement\": \"declared\"}}, "
                        + "{\"license\": {\"id\": \"MIT\", \"acknowledgement\": \"concluded\"}}]", "MIT"),
                Arguments.of("[{\"license\": {\"name\": \"Oracle Free Use Terms & Conditions (FUTC)\"}}]",
                        "LicenseRef-Oracle-Free-Use-Terms-Conditions-FUTC"),
                Arguments.of("[{\"license\": {\"id\": \"GPL-2.0-only\"}}, {\"license\": {\"name\": \"Custom v2.1\"}}]",
                        "GPL-2.0-only OR LicenseRef-Custom-v2.1"),
                // Known licences written as names: their SPDX ids, with their exceptions.
                Arguments.of("[{\"license\": {\"name\": \"GPL-2.0 with the Universal FOSS Exception\"}}]",
                        "GPL-2.0-only WITH Universal-FOSS-exception-1.0"),
                Arguments.of("[{\"license\": {\"name\": \"The Apache Software License, Version 2.0\"}}]", "Apache-2.0"),
                Arguments.of("[{\"license\": {\"name\": \"Eclipse Public License - v 2.0\"}}, "
                        + "{\"license\": {\"name\": \"GNU General Public License, version 2 with the GNU Classpath Exception\"}}]",
                        "EPL-2.0 OR GPL-2.0-only WITH Classpath-exception-2.0"),
                Arguments.of("[{\"license\": {\"name\": \"CDDL + GPLv2 with classpath exception\"}}, {\"license\": {\"id\": \"MIT\"}}]",
                        "(CDDL-1.1 OR GPL-2.0-only WITH Classpath-exception-2.0) OR MIT"),
                Arguments.of("[{\"license\": {\"name\": \"©\"}}]", null),
                Arguments.of("[]", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("licences")
    void turnsLicencesIntoOneExpression(String licenses, String expected) throws Exception {
        String sbom = "{\"components\": [{\"type\": \"library\", \"name\": \"a\", \"licenses\": " + licenses + "}]}";

        assertEquals(expected, parser.parseJson(bytes(sbom), ORGANISATION).items().get(0).licence());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"library, LOW", "framework, MEDIUM", "application, MEDIUM", "container, MEDIUM", "operating-system, MEDIUM"})
    void librariesAreLessCriticalThanTheRest(String type, Criticality expected) throws Exception {
        String sbom = "{\"components\": [{\"type\": \"" + type + "\", \"name\": \"a\"}]}";

        InventoryItem item = parser.parseJson(bytes(sbom), ORGANISATION).items().get(0);

        assertEquals(expected, item.criticality());
        assertEquals(Usage.INTERNAL, item.usage());
        assertEquals(Deployment.selfHosted(), item.deployment());
    }

    static Stream<Arguments> brokenJson() {
        return Stream.of(
                Arguments.of("empty", "", "document", "the SBOM is empty"),
                Arguments.of("blank", " \n ", "document", "the SBOM is empty"),
                Arguments.of("not JSON", "{\"components\": [{\"name\": \"a\",, }]}", "line 1, column 30",
                        "the SBOM is not valid JSON: Unexpected character (','"),
                Arguments.of("an array", "[1, 2]", "line 1, column 1", "the SBOM must be a JSON object in the CycloneDX format"),
                Arguments.of("a string", "\"sbom\"", "line 1, column 1", "the SBOM must be a JSON object in the CycloneDX format"),
                Arguments.of("components not a list", "{\n  \"components\": \"keycloak\"\n}", "line 2, column 17",
                        "components has the wrong type for CycloneDX"),
                Arguments.of("unknown component type", "{\"components\": [{\"name\": \"a\", \"type\": \"saas\"}]}",
                        "line 1, column 39", "components[0].type is 'saas', which is not a valid value; use one of"),
                Arguments.of("another format", "{\"bomFormat\": \"SPDX\", \"components\": [{\"name\": \"a\"}]}", "bomFormat",
                        "bomFormat is 'SPDX'; only CycloneDX SBOMs can be read here"),
                Arguments.of("no components", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1}",
                        "components", "the SBOM lists no components"),
                Arguments.of("empty components", "{\"bomFormat\": \"CycloneDX\", \"components\": []}", "components",
                        "the SBOM lists no components"),
                Arguments.of("null component", "{\"components\": [{\"name\": \"a\"}, null]}", "components[1]",
                        "the component is empty (null)"),
                Arguments.of("component without name", "{\"components\": [{\"type\": \"library\", \"version\": \"1.0\"}]}",
                        "components[0]", "the component has no name; every component needs one"),
                Arguments.of("nested component without name",
                        "{\"components\": [{\"name\": \"a\", \"components\": [{\"name\": \"b\"}, {\"name\": \" \"}]}]}",
                        "components[0].components[1]", "the component has no name"),
                Arguments.of("duplicate bom-refs",
                        "{\"components\": [{\"bom-ref\": \"x\", \"name\": \"a\"}, {\"bom-ref\": \"y\", \"name\": \"b\","
                                + " \"components\": [{\"bom-ref\": \"x\", \"name\": \"c\"}]}]}",
                        "components[1].components[0]",
                        "'x' is the bom-ref of both components[0] and components[1].components[0]; every component needs a unique bom-ref"),
                Arguments.of("bom-ref clashing with a default id",
                        "{\"components\": [{\"name\": \"a\"}, {\"bom-ref\": \"component-1\", \"name\": \"b\"}]}",
                        "components[1]", "'component-1' is the bom-ref of both components[0] and components[1]"),
                Arguments.of("version too long", "{\"components\": [{\"name\": \"a\", \"version\": \"" + "9".repeat(101) + "\"}]}",
                        "components[0].version", "version is 101 characters long; at most 100 are allowed"),
                Arguments.of("nested too deep", "{\"components\": [" + "{\"name\": \"c\", \"components\": [".repeat(600)
                        + "]}".repeat(600) + "]}", "components",
                        "the SBOM is nested too deeply or holds an oversized value: Document nesting depth (1001) exceeds"
                                + " the maximum allowed (1000)"),
                Arguments.of("purl too long", "{\"components\": [{\"name\": \"a\", \"purl\": \"pkg:npm/" + "x".repeat(500) + "\"}]}",
                        "components[0].purl", "purl is 508 characters long; at most 500 are allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenJson")
    void rejectsBrokenJsonSayingWhereAndWhat(String description, String sbom, String location, String message) {
        InventoryFormatException e = assertThrows(InventoryFormatException.class, () -> parser.parseJson(bytes(sbom), ORGANISATION));

        assertEquals(location, e.location());
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedWhereItEnds() throws Exception {
        String whole = new String(resource("citizen-portal-1.5.cdx.json"), StandardCharsets.UTF_8);
        String truncated = whole.substring(0, whole.indexOf("\"log4j-core\""));
        long lines = truncated.lines().count();

        InventoryFormatException e = assertThrows(InventoryFormatException.class,
                () -> parser.parseJson(bytes(truncated), ORGANISATION));

        assertTrue(e.location().startsWith("line " + lines + ", column "), e.location());
        assertEquals("the JSON ends before it is complete; the file may be truncated", e.getMessage());
    }

    @Test
    void acceptsAHundredThousandComponentsButNotOneMoreNestedOnesCounted() throws Exception {
        assertEquals(100_000, parser.parseJson(bytes(components(Limits.ITEMS, "")), ORGANISATION).items().size());

        String nested = ", \"components\": [{\"type\": \"library\", \"name\": \"nested\"}]";
        InventoryFormatException e = assertThrows(InventoryFormatException.class,
                () -> parser.parseJson(bytes(components(Limits.ITEMS, nested)), ORGANISATION));

        assertEquals("components[99999].components[0]", e.location());
        assertEquals("the SBOM lists more than 100000 components, nested ones included; at most 100000 items are allowed",
                e.getMessage());
    }

    static Stream<Arguments> brokenXml() {
        String bom = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">";
        return Stream.of(
                Arguments.of("not well-formed", "<?xml version=\"1.0\"?>\n" + bom + "\n  <components>\n"
                        + "    <component type=\"library\"><name>a</name>\n  </components>\n</bom>\n",
                        "line 5, column 14", "the SBOM is not well-formed XML: The end-tag for element type \"component\" must end with a '>' delimiter."),
                Arguments.of("JSON sent as XML", "{\"components\": []}", "line 1, column 1",
                        "the SBOM is not well-formed XML: Content is not allowed in prolog."),
                Arguments.of("not a CycloneDX root", "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>",
                        "line 2, column 53", "the root element is <project xmlns=\"http://maven.apache.org/POM/4.0.0\">;"
                                + " a CycloneDX SBOM starts with <bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">"),
                Arguments.of("bom without namespace", "<bom version=\"1\"/>", "line 1, column 19", "the root element is <bom>;"),
                Arguments.of("no components", bom + "<metadata/></bom>", "components", "the SBOM lists no components"),
                Arguments.of("unknown component type", bom + "\n<components>\n<component type=\"saas\"><name>a</name></component>"
                        + "</components></bom>", "line 3, column 1", "components[0].type is 'saas', which is not a valid value"),
                Arguments.of("component without name", bom + "<components><component type=\"library\"><version>1</version>"
                        + "</component></components></bom>", "components[0]", "the component has no name"),
                Arguments.of("duplicate bom-refs", bom + "<components><component type=\"library\" bom-ref=\"x\"><name>a</name>"
                        + "</component><component type=\"library\" bom-ref=\"x\"><name>b</name></component></components></bom>",
                        "components[1]", "'x' is the bom-ref of both components[0] and components[1]"),
                Arguments.of("nested too deep", bom + "<x>".repeat(99) + "</x>".repeat(99) + "</bom>",
                        "line 1, column " + (bom.length() + 1 + XmlSbomScanner.MAX_DEPTH * 3),
                        "elements are nested more than " + XmlSbomScanner.MAX_DEPTH + " deep"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenXml")
    void rejectsBrokenXmlSayingWhereAndWhat(String description, String sbom, String location, String message) {
        InventoryFormatException e = assertThrows(InventoryFormatException.class, () -> parser.parseXml(bytes(sbom), ORGANISATION));

        assertEquals(location, e.location());
        assertTrue(e.getMessage().startsWith(message), () -> "message was: " + e.getMessage());
    }

    static Stream<Arguments> entityPayloads() {
        return Stream.of(
                Arguments.of("external entity", "<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"SECRET_URI\">]>", "&xxe;"),
                Arguments.of("external parameter entity",
                        "<!DOCTYPE bom [<!ENTITY % remote SYSTEM \"SECRET_URI\"> %remote;]>", "a"),
                Arguments.of("external DTD", "<!DOCTYPE bom SYSTEM \"SECRET_URI\">", "a"),
                Arguments.of("entity expansion", "<!DOCTYPE bom [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>", "&d;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entityPayloads")
    void refusesAnyDoctypeSoNoEntityIsResolved(String description, String doctype, String name, @TempDir Path dir)
            throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        String sbom = "<?xml version=\"1.0\"?>\n" + doctype.replace("SECRET_URI", secret.toUri().toString())
                + "\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
                + "<component type=\"library\"><name>" + name + "</name></component></components></bom>";

        InventoryFormatException e = assertThrows(InventoryFormatException.class, () -> parser.parseXml(bytes(sbom), ORGANISATION));

        assertTrue(e.location().startsWith("line 2, column "), e.location());
        assertEquals("the SBOM contains a DOCTYPE declaration, which is refused because it can load external entities;"
                + " remove it (a CycloneDX SBOM needs none)", e.getMessage());
    }

    /** Defence in depth: cyclonedx-core-java on its own must not resolve an external entity either. */
    @Test
    void theLibraryAloneDoesNotResolveExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        String sbom = "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
                + "<component type=\"library\"><name>&xxe;</name></component></components></bom>";

        ParseException e = assertThrows(ParseException.class, () -> new XmlParser().parse(bytes(sbom)));

        assertTrue(e.getMessage().contains("accessExternalDTD"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET-4711"));
    }

    @Test
    void theLibraryAloneLeavesInternalEntitiesUnexpanded() {
        String sbom = "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY greeting \"expanded\">]>"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components>"
                + "<component type=\"library\"><name>&greeting;</name></component></components></bom>";

        Bom bom;
        try {
            bom = new XmlParser().parse(bytes(sbom));
        } catch (ParseException e) {
            assertTrue(e.getMessage().contains("greeting"), e.getMessage());
            return;
        }
        assertFalse(bom.getComponents().stream().map(Component::getName).anyMatch("expanded"::equals));
    }

    private Inventory parse(String file, byte[] sbom, Organisation organisation) throws InventoryFormatException {
        return file.endsWith(".xml") ? parser.parseXml(sbom, organisation) : parser.parseJson(sbom, organisation);
    }

    /** A component as the parser reads it: libraries (and only they) are of low criticality and marked as libraries. */
    private static InventoryItem item(String id, String name, String purl, String version, String licence,
            Criticality criticality, List<String> dependsOn) {
        return new InventoryItem(id, name, null, purl, version, licence, Deployment.selfHosted(), null, null,
                criticality, Usage.INTERNAL, dependsOn, criticality == Criticality.LOW);
    }

    private static String components(int count, String lastExtra) {
        StringBuilder sbom = new StringBuilder("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [");
        for (int i = 1; i <= count; i++) {
            sbom.append(i == 1 ? "" : ",").append("{\"type\": \"library\", \"bom-ref\": \"lib-").append(i)
                    .append("\", \"name\": \"lib-").append(i).append('"').append(i == count ? lastExtra : "").append('}');
        }
        return sbom.append("]}").toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CycloneDxInventoryParserTest.class.getResourceAsStream("/inventories/" + name)) {
            return in.readAllBytes();
        }
    }
}

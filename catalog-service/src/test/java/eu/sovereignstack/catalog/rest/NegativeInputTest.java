package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.CatalogTokens;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.TestProviders;
import eu.sovereignstack.testsupport.NegativeInputs;
import eu.sovereignstack.testsupport.NegativeInputs.Case;

/**
 * Negative inputs generated from the published OpenAPI document for every operation (see
 * {@link NegativeInputs}): every answer is a 4xx problem, a changed property is named, and
 * nothing is stored. The target product and the target provider share a slug, so that the path
 * parameter {@code slug} names both, and the provider offers the product ({@code product}).
 */
@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class NegativeInputTest {

    private static final String PRODUCTS = "/api/v1/products";
    private static final String PROVIDERS = "/api/v1/providers";
    /** quarkus.http.limits.max-body-size. */
    private static final long BODY_LIMIT = 2L * 1024 * 1024;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private String editor;
    private String target;
    private String created;
    private String imported;
    private String createdProvider;
    private String offering;

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesNegativeInputs() {
        // Every role the catalog checks, so that each operation reaches its input checks.
        editor = CatalogTokens.token("editor", "catalog-editor", "catalog-viewer", "catalog-auditor");
        target = TestProducts.uniqueSlug("negative-target");
        created = TestProducts.uniqueSlug("negative-new");
        imported = TestProducts.uniqueSlug("negative-import");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(TestProducts.valid(target))
                .when().post(PRODUCTS).then().statusCode(201);
        createdProvider = TestProducts.uniqueSlug("negative-provider");
        offering = PROVIDERS + "/" + target + "/offerings/" + target;
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(TestProviders.valid(target))
                .when().post(PROVIDERS).then().statusCode(201);
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(TestProviders.offering("Negative Target Offering"))
                .when().put(offering).then().statusCode(201);

        NegativeInputs inputs = NegativeInputs.fromPublishedDocument()
                .bodyLimit(BODY_LIMIT)
                .pathValue("slug", target)
                .pathValue("alternative", "keycloak")
                .pathValue("product", target)
                .baseline("createProduct", "application/json", TestProducts.valid(created), Map.of())
                .baseline("replaceProduct", "application/json", TestProducts.valid(target), Map.of("If-Match", "\"0\""))
                .baseline("patchProduct", "application/merge-patch+json",
                        Map.of("description", "Patched by the negative-input test."), Map.of("If-Match", "\"0\""))
                .baseline("createProvider", "application/json", TestProviders.valid(createdProvider), Map.of())
                .baseline("replaceProvider", "application/json", TestProviders.valid(target), Map.of("If-Match", "\"0\""))
                .baseline("patchProvider", "application/merge-patch+json",
                        Map.of("name", "Patched by the negative-input test"), Map.of("If-Match", "\"0\""))
                .baseline("putOffering", "application/json", TestProviders.offering("Replaced by the negative-input test"),
                        Map.of("If-Match", "\"0\""))
                .baseline("patchOffering", "application/merge-patch+json",
                        Map.of("name", "Patched by the negative-input test"), Map.of("If-Match", "\"0\""))
                .baseline("importProducts", "application/json", Map.of("products", List.of(TestProducts.valid(imported))), Map.of())
                .baseline("addAlternative", "application/json", Map.of("alternative", "keycloak", "fit", "FULL"), Map.of())
                .baseline("resolveProducts", "application/json",
                        Map.of("items", List.of(Map.of("ref", "a", "name", "Keycloak"))), Map.of());
        List<Case> cases = inputs.cases();
        inputs.notes().forEach(note -> System.out.println("[negative inputs] " + note));
        System.out.println("[negative inputs] catalog-service: " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void run(Case c) {
        boolean writes = !c.method().equals("GET");
        long before = writes ? total() : 0;
        long providersBefore = writes ? providers() : 0;
        String etag = writes ? etag(target) : null;
        String providerEtag = writes ? etagAt(PROVIDERS + "/" + target) : null;
        String offeringEtag = writes ? etagAt(offering) : null;
        int alternatives = c.operationId().equals("addAlternative") ? alternativesOf(target) : 0;
        String ifMatch = switch (c.operationId()) {
            case "replaceProvider", "patchProvider" -> providerEtag;
            case "putOffering", "patchOffering" -> offeringEtag;
            default -> etag;
        };
        Case sent = c.headers().containsKey("If-Match") ? withIfMatch(c, ifMatch) : c;

        Response response = NegativeInputs.send(sent, editor);
        NegativeInputs.check(sent, response);
        if (!writes) {
            return;
        }
        if (response.statusCode() < 300) {
            // Only a non-BMP character may be accepted: it must then be stored exactly.
            String stored = readBack(c);
            if (stored != null) {
                assertTrue(NegativeInputs.texts(stored).contains(c.sentValue()),
                        c.name() + ": " + c.sentValue() + " is not read back exactly from " + stored);
            }
            undo(c);
        } else {
            assertEquals(etag, etag(target), c.name() + ": the target product changed");
            assertEquals(providerEtag, etagAt(PROVIDERS + "/" + target), c.name() + ": the target provider changed");
            assertEquals(offeringEtag, etagAt(offering), c.name() + ": the target offering changed");
            switch (c.operationId()) {
                case "createProduct" -> bookkeeping().get(PRODUCTS + "/" + created).statusCode(404);
                case "createProvider" -> bookkeeping().get(PROVIDERS + "/" + createdProvider).statusCode(404);
                case "importProducts" -> bookkeeping().get(PRODUCTS + "/" + imported).statusCode(404);
                case "addAlternative" -> assertEquals(alternatives, alternativesOf(target), c.name() + ": an alternative was stored");
                default -> {
                }
            }
        }
        assertEquals(before, total(), c.name() + ": the number of products changed");
        assertEquals(providersBefore, providers(), c.name() + ": the number of providers changed");
    }

    /**
     * Looks at the catalog without RestAssured (whose per-request overhead would dominate the
     * run) and without the contract check, which the requests under test get.
     */
    private Lookup bookkeeping() {
        return new Lookup();
    }

    private final class Lookup {
        private String path;

        Lookup get(String path) {
            this.path = path;
            return this;
        }

        HttpResponse<String> response() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                        .header("Authorization", "Bearer " + editor).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> statusCode(int expected) {
            HttpResponse<String> response = response();
            assertEquals(expected, response.statusCode(), "GET " + path + ": " + response.body());
            return response;
        }
    }

    /** The stored representation that must hold an accepted value, or null when nothing is stored. */
    private String readBack(Case c) {
        return switch (c.operationId()) {
            case "createProduct" -> given().auth().oauth2(editor).when().get(PRODUCTS + "/" + created).then().statusCode(200).extract().asString();
            case "importProducts" -> given().auth().oauth2(editor).when().get(PRODUCTS + "/" + imported).then().statusCode(200).extract().asString();
            case "createProvider" -> given().auth().oauth2(editor).when().get(PROVIDERS + "/" + createdProvider).then().statusCode(200).extract().asString();
            case "replaceProvider", "patchProvider" -> given().auth().oauth2(editor).when().get(PROVIDERS + "/" + target).then().statusCode(200).extract().asString();
            case "putOffering", "patchOffering" -> given().auth().oauth2(editor).when().get(offering).then().statusCode(200).extract().asString();
            case "replaceProduct", "patchProduct" -> given().auth().oauth2(editor).when().get(PRODUCTS + "/" + target).then().statusCode(200).extract().asString();
            case "addAlternative" -> given().auth().oauth2(editor).when().get(PRODUCTS + "/" + target + "/alternatives").then().statusCode(200).extract().asString();
            default -> null;
        };
    }

    /** Removes what an accepted case stored, so that the next case starts from the same catalog. */
    private void undo(Case c) {
        switch (c.operationId()) {
            case "createProduct" -> delete(created);
            case "importProducts" -> delete(imported);
            case "createProvider" -> given().auth().oauth2(editor).when().delete(PROVIDERS + "/" + createdProvider).then().statusCode(204);
            case "addAlternative" -> given().auth().oauth2(editor).when().delete(PRODUCTS + "/" + target + "/alternatives/keycloak")
                    .then().statusCode(204);
            default -> {
            }
        }
    }

    private void delete(String slug) {
        given().auth().oauth2(editor).header("If-Match", etag(slug)).when().delete(PRODUCTS + "/" + slug).then().statusCode(204);
    }

    private static Case withIfMatch(Case c, String etag) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(c.headers());
        headers.put("If-Match", etag);
        return new Case(c.name(), c.operationId(), c.method(), c.path(), c.query(), headers, c.contentType(), c.body(),
                c.expect(), c.field(), c.sentValue());
    }

    private long total() {
        try {
            return JSON.readTree(bookkeeping().get(PRODUCTS + "?size=1").statusCode(200).body()).get("totalItems").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String etag(String slug) {
        return etagAt(PRODUCTS + "/" + slug);
    }

    private String etagAt(String path) {
        return bookkeeping().get(path).statusCode(200).headers().firstValue("ETag").orElseThrow();
    }

    private long providers() {
        try {
            return JSON.readTree(bookkeeping().get(PROVIDERS).statusCode(200).body()).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int alternativesOf(String slug) {
        try {
            return JSON.readTree(bookkeeping().get(PRODUCTS + "/" + slug + "/alternatives").statusCode(200).body()).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package eu.sovereignstack.e2e;

import static eu.sovereignstack.e2e.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.e2e.support.Api;
import eu.sovereignstack.e2e.support.Json;
import eu.sovereignstack.e2e.support.Reply;
import eu.sovereignstack.e2e.support.SovereignStack;
import eu.sovereignstack.e2e.support.SovereignStackTest;
import eu.sovereignstack.e2e.support.User;

/** The catalog through the gateway, per role: viewers read, editors write. */
@SovereignStackTest
class CatalogIT {

    private static final String PRODUCTS = "/api/v1/catalog/products";

    private final Api gateway;

    CatalogIT(SovereignStack stack) {
        this.gateway = stack.gateway();
    }

    @Test
    void aViewerSearchesTheSeedCatalogAndReadsAProduct() {
        Reply search = gateway.as(User.VIEWER).get(PRODUCTS + "?q=nextcloud");
        assertEquals(200, search.status(), search::toString);
        assertTrue(Json.texts(search.json().path("items"), "slug").contains("nextcloud"), search::toString);
        assertTrue(search.json().path("totalItems").asLong() >= 1, search::toString);

        Reply product = gateway.as(User.VIEWER).get(PRODUCTS + "/nextcloud");
        assertEquals(200, product.status(), product::toString);
        JsonNode nextcloud = product.json();
        assertEquals("Nextcloud Hub", nextcloud.path("name").asText());
        assertEquals("AGPL-3.0-or-later", nextcloud.path("licence").asText());
        assertEquals("NETWORK_COPYLEFT", nextcloud.path("licenceFamily").asText());
        assertEquals("DE", nextcloud.path("steward").path("country").asText());
        assertEquals(etag(nextcloud.path("version").asInt()), product.header("ETag").orElse(null), product::toString);
    }

    @Test
    void aViewerMayNotWrite() {
        Reply create = gateway.as(User.VIEWER).postJson(PRODUCTS, product(uniqueSlug(), "Forbidden Drive"));
        assertProblem(create, 403, "forbidden");

        Reply delete = gateway.as(User.VIEWER).delete(PRODUCTS + "/nextcloud");
        assertProblem(delete, 403, "forbidden");
        assertEquals(200, gateway.as(User.VIEWER).get(PRODUCTS + "/nextcloud").status(), "still there");
    }

    @Test
    void anEditorCreatesUpdatesAndDeletesAProduct() {
        String slug = uniqueSlug();
        Api.Request editor = gateway.as(User.EDITOR);

        Reply created = editor.postJson(PRODUCTS, product(slug, "Example Drive"));
        assertEquals(201, created.status(), created::toString);
        assertEquals(etag(0), created.header("ETag").orElse(null));
        assertEquals("NETWORK_COPYLEFT", created.json().path("licenceFamily").asText());
        URI location = URI.create(created.header("Location").orElseThrow(() -> new AssertionError("no Location: " + created)));
        assertEquals(PRODUCTS + "/" + slug, location.getPath(), "Location is the gateway's path, not the catalog-service's");
        if (location.isAbsolute()) {
            assertEquals(gateway.base().getAuthority(), location.getAuthority(), "Location points at the gateway");
        }
        Reply followed = gateway.as(User.VIEWER).get(location.toString());
        assertEquals(200, followed.status(), followed::toString);
        assertEquals("Example Drive", followed.json().path("name").asText());

        Reply replaced = gateway.as(User.EDITOR).header("If-Match", etag(0))
                .putJson(PRODUCTS + "/" + slug, product(slug, "Example Drive Pro"));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("Example Drive Pro", replaced.json().path("name").asText());
        assertEquals(1, replaced.json().path("version").asInt());
        assertEquals(etag(1), replaced.header("ETag").orElse(null));

        Reply patched = gateway.as(User.EDITOR).header("If-Match", etag(1))
                .mergePatch(PRODUCTS + "/" + slug, Map.of("standards", List.of("WebDAV", "CalDAV")));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals(List.of("WebDAV", "CalDAV"), Json.MAPPER.convertValue(patched.json().path("standards"), List.class));
        assertEquals("Example Drive Pro", patched.json().path("name").asText(), "a merge patch keeps what it does not name");

        Reply stale = gateway.as(User.EDITOR).header("If-Match", etag(0))
                .mergePatch(PRODUCTS + "/" + slug, Map.of("name", "Too late"));
        assertProblem(stale, 412, "precondition-failed");

        Reply deleted = gateway.as(User.EDITOR).header("If-Match", etag(2)).delete(PRODUCTS + "/" + slug);
        assertEquals(204, deleted.status(), deleted::toString);
        assertProblem(gateway.as(User.VIEWER).get(PRODUCTS + "/" + slug), 404, "not-found");
    }

    private static Map<String, Object> product(String slug, String name) {
        return Map.of(
                "slug", slug,
                "name", name,
                "kind", "SOFTWARE",
                "category", "file-sync-share",
                "description", "File sync and share server, created by the end-to-end tests.",
                "steward", Map.of("name", "Example e.V.", "country", "DE"),
                "licence", "AGPL-3.0-or-later",
                "governance", "COMMUNITY",
                "deploymentModels", List.of("SELF_HOSTED"),
                "factsAsOf", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    }

    private static String uniqueSlug() {
        return "e2e-drive-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String etag(int version) {
        return "\"" + version + "\"";
    }
}

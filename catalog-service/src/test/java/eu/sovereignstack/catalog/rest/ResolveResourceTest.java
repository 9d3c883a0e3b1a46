package eu.sovereignstack.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import eu.sovereignstack.catalog.CatalogDatabase;
import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.TestProducts;
import eu.sovereignstack.catalog.CatalogTokens;

@QuarkusTest
@QuarkusTestResource(CatalogDatabase.class)
class ResolveResourceTest {

    private static final String RESOLVE = "/api/v1/products/resolve";

    private static RequestSpecification asViewer() {
        return given().auth().oauth2(CatalogTokens.viewer()).contentType(ContentType.JSON);
    }

    private static RequestSpecification asEditor() {
        return given().auth().oauth2(CatalogTokens.editor()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> item(String ref, String field, String value) {
        Map<String, Object> item = new HashMap<>();
        item.put("ref", ref);
        item.put(field, value);
        return item;
    }

    private static ValidatableResponse resolve(List<Map<String, Object>> items) {
        return asViewer().body(Map.of("items", items)).when().post(RESOLVE).then();
    }

    @Test
    void matchesBySlugPurlNameAliasAndVendorPrefixInRequestOrder() {
        resolve(List.of(
                        item("s1", "slug", "keycloak"),
                        item("p1", "purl", "pkg:maven/org.keycloak/keycloak-core@26.0.5?type=jar"),
                        item("p2", "purl", "pkg:docker/postgres@16.4"),
                        item("p3", "purl", "pkg:golang/github.com/prometheus/prometheus@v0.54.1#cmd/prometheus"),
                        item("n1", "name", "Nextcloud Hub"),
                        item("n2", "name", "rocket.chat"),
                        item("a1", "name", "MS Teams"),
                        item("a2", "name", "Azure Active Directory"),
                        item("v1", "name", "AWS EC2"),
                        item("v2", "name", "Red Hat Keycloak"),
                        item("v3", "name", "Atlassian Jira Software"),
                        item("u1", "name", "Totally Unknown Widget"),
                        item("u2", "purl", "pkg:npm/left-pad@1.3.0"),
                        item("u3", "purl", "not a purl at all")))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("matches.ref", equalTo(List.of("s1", "p1", "p2", "p3", "n1", "n2", "a1", "a2", "v1", "v2", "v3",
                        "u1", "u2", "u3")))
                .body("matches.product", equalTo(java.util.Arrays.asList("keycloak", "keycloak", "postgresql", "prometheus",
                        "nextcloud", "rocket-chat", "microsoft-teams", "microsoft-entra-id", "aws-ec2", "keycloak",
                        "atlassian-jira", null, null, null)))
                .body("matches.matchedBy", equalTo(List.of("SLUG", "PURL", "PURL", "PURL", "NAME", "NAME", "NAME", "NAME",
                        "NAME", "NAME", "NAME", "NONE", "NONE", "NONE")))
                .body("products.keycloak.product.slug", equalTo("keycloak"))
                .body("products.keycloak.product.purls", hasItem("pkg:maven/org.keycloak/keycloak-core"))
                .body("products.'microsoft-teams'.product.aliases", hasItem("MS Teams"));
    }

    @Test
    void theSlugWinsOverThePurlWhichWinsOverTheName() {
        Map<String, Object> all = item("x", "slug", "okta");
        all.put("purl", "pkg:maven/org.keycloak/keycloak-core");
        all.put("name", "Zoom");
        Map<String, Object> purlAndName = item("y", "purl", "pkg:maven/org.keycloak/keycloak-core");
        purlAndName.put("name", "Zoom");
        Map<String, Object> unknownSlug = item("z", "slug", "no-such-product");
        unknownSlug.put("name", "Zoom");
        resolve(List.of(all, purlAndName, unknownSlug))
                .statusCode(200)
                .body("matches.product", equalTo(List.of("okta", "keycloak", "zoom")))
                .body("matches.matchedBy", equalTo(List.of("SLUG", "PURL", "NAME")));
    }

    @Test
    void productsHoldTheFactsOfAlternativesAndCategoryPeers() {
        List<String> alternatives = asViewer().when().get("/api/v1/products/vmware-vsphere/alternatives")
                .then().statusCode(200).extract().path("product.slug");

        ValidatableResponse response = resolve(List.of(item("hv", "name", "VMware vSphere")))
                .statusCode(200)
                .body("matches[0].product", equalTo("vmware-vsphere"))
                .body("products.'vmware-vsphere'.product.governance", equalTo("PROPRIETARY_VENDOR"))
                .body("products.'vmware-vsphere'.alternatives.product", equalTo(alternatives))
                .body("products.'vmware-vsphere'.alternatives.fit", hasItem("FULL"))
                .body("products.'vmware-vsphere'.alternatives[0].notes", notNullValue())
                .body("products.'vmware-vsphere'.sameCategory", equalTo(List.of("kubevirt", "proxmox-ve", "xcp-ng")))
                .body("products.'vmware-vsphere'.offerings.provider", hasItem("ovhcloud"))
                // an alternative: its product view and offerings, no lists of its own
                .body("products.'proxmox-ve'.product.slug", equalTo("proxmox-ve"))
                .body("products.'proxmox-ve'.product.licence", equalTo("AGPL-3.0-or-later"))
                .body("products.'proxmox-ve'.product.euJurisdiction", equalTo(true))
                .body("products.'proxmox-ve'.offerings", hasSize(0))
                .body("products.'proxmox-ve'.alternatives", hasSize(0))
                .body("products.'proxmox-ve'.sameCategory", hasSize(0))
                .body("products.openstack.offerings.provider", hasItems("ovhcloud", "open-telekom-cloud"))
                .body("products.openstack.offerings.find { it.provider == 'ovhcloud' }.providerName", equalTo("OVHcloud"))
                .body("products.openstack.offerings.find { it.provider == 'ovhcloud' }.providerCountry", equalTo("FR"))
                .body("products.openstack.offerings.find { it.provider == 'ovhcloud' }.providerEuJurisdiction", equalTo(true))
                .body("products.openstack.offerings.find { it.provider == 'ovhcloud' }.providerCertifications",
                        hasItem("SecNumCloud"))
                .body("products.openstack.offerings.find { it.provider == 'ovhcloud' }.name", equalTo("OVHcloud Public Cloud"))
                .body("products.openstack.offerings.find { it.provider == 'ovhcloud' }.countries", hasItem("FR"))
                .body("products.kubevirt.product.openSource", equalTo(true));

        Map<String, Map<String, Object>> products = response.extract().path("products");
        List<String> named = new ArrayList<>(alternatives);
        named.add("vmware-vsphere");
        named.add("kubevirt");
        assertEquals(named.stream().sorted().distinct().toList(), products.keySet().stream().sorted().toList(),
                "exactly the matched product, its alternatives and its open-source category peers");
    }

    @Test
    void aBatchOfTheMaximumSizeResolvesInOneCall() {
        List<String> names = List.of("Slack", "Zoom", "Okta", "Kubernetes", "Google Workspace", "Unknown Thing");
        List<Map<String, Object>> items = IntStream.range(0, CatalogLimits.RESOLVE_ITEMS)
                .mapToObj(i -> item("item-" + i, "name", names.get(i % names.size())))
                .toList();
        List<String> matched = resolve(items).statusCode(200)
                .body("matches", hasSize(CatalogLimits.RESOLVE_ITEMS))
                .body("matches[999].ref", equalTo("item-999"))
                .extract().path("matches.product");
        assertEquals(List.of("slack", "zoom", "okta", "kubernetes", "google-workspace"),
                matched.subList(0, 5));
        assertTrue(matched.stream().filter(java.util.Objects::isNull).count() >= CatalogLimits.RESOLVE_ITEMS / names.size());
    }

    @Test
    void duplicateRefsAndItemsWithoutAnyNameAreProblemsNamingTheItem() {
        Map<String, Object> blank = item("c", "name", "  ");
        resolve(List.of(item("a", "name", "Zoom"), item("a", "name", "Slack"), blank, Map.of("ref", "d")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items[1].ref", "items[2]", "items[3]")))
                .body("errors[0].message", containsString("items[0]"));
    }

    @Test
    void itemFieldsAreBounded() {
        Map<String, Object> tooLong = item("x".repeat(CatalogLimits.RESOLVE_REF + 1), "name", "n".repeat(CatalogLimits.RESOLVE_NAME + 1));
        tooLong.put("purl", "pkg:npm/" + "p".repeat(CatalogLimits.RESOLVE_PURL));
        tooLong.put("slug", "s".repeat(CatalogLimits.SLUG + 1));
        resolve(List.of(tooLong, item(" ", "slug", "keycloak")))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("items[0].name", "items[0].purl", "items[0].ref", "items[0].slug",
                        "items[1].ref")));
    }

    @Test
    void batchesAreBounded() {
        List<Map<String, Object>> tooMany = IntStream.rangeClosed(0, CatalogLimits.RESOLVE_ITEMS)
                .mapToObj(i -> item("r" + i, "slug", "keycloak"))
                .toList();
        resolve(tooMany).statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("items")));
        resolve(List.of()).statusCode(400).body("errors.field", equalTo(List.of("items")));
        asViewer().body("{}").when().post(RESOLVE).then().statusCode(400).body("errors.field", equalTo(List.of("items")));
        asViewer().body("{\"items\": [{\"ref\": \"a\", \"name\": \"Zoom\", \"version\": \"1\"}]}").when().post(RESOLVE)
                .then().statusCode(400).body("errors.field", equalTo(List.of("items[0].version")));
    }

    @Test
    void needsACatalogViewerToken() {
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(item("a", "slug", "keycloak"))))
                .when().post(RESOLVE)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(CatalogTokens.token("outsider", "assessor-of-nothing")).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(item("a", "slug", "keycloak"))))
                .when().post(RESOLVE)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void resolvingSeesEveryWrite() {
        String slug = TestProducts.uniqueSlug("resolvable");
        Map<String, Object> product = TestProducts.valid(slug);
        product.put("purls", List.of("pkg:npm/%40example/" + slug + "@1.0.0"));
        product.put("aliases", List.of("Alias of " + slug));
        asEditor().body(product).when().post("/api/v1/products").then().statusCode(201);

        resolve(List.of(item("p", "purl", "pkg:npm/@example/" + slug + "@2.0.0"), item("a", "name", "alias of " + slug)))
                .statusCode(200)
                .body("matches.product", equalTo(List.of(slug, slug)))
                .body("matches.matchedBy", equalTo(List.of("PURL", "NAME")))
                .body("products.'" + slug + "'.sameCategory", hasItem("nextcloud"));

        given().auth().oauth2(CatalogTokens.editor()).contentType("application/merge-patch+json")
                .body(Map.of("aliases", List.of("Renamed " + slug))).when().patch("/api/v1/products/" + slug)
                .then().statusCode(200);
        resolve(List.of(item("a", "name", "alias of " + slug), item("b", "name", "renamed " + slug)))
                .statusCode(200)
                .body("matches[0].product", nullValue())
                .body("matches[1].product", equalTo(slug));
    }

    @Test
    void isDocumentedInTheOpenApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/products/resolve'.post.tags", hasItem(ApiTags.RESOLVE))
                .body("paths.'/api/v1/products/resolve'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        containsString("Problem"))
                .body("components.schemas.ResolveResult.properties.products.additionalProperties.$ref",
                        containsString("ResolvedProduct"));
    }
}

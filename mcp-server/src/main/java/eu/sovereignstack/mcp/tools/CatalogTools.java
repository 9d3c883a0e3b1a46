package eu.sovereignstack.mcp.tools;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;

import eu.sovereignstack.mcp.client.Answers;
import eu.sovereignstack.mcp.client.CatalogApi;
import eu.sovereignstack.mcp.schema.ApiSchemas;
import eu.sovereignstack.mcp.schema.OutputSchemas;

/** The catalog, read with the caller's token: the same filters, limits and answers as its API. */
@Singleton
public class CatalogTools {

    private static final String CATALOG = "catalog";

    private final CatalogApi catalog;
    private final Answers answers;
    private final ObjectMapper json;

    CatalogTools(@RestClient CatalogApi catalog, Answers answers, ObjectMapper json) {
        this.catalog = catalog;
        this.answers = answers;
        this.json = json;
    }

    @Tool(name = "search_catalog", title = "Search the catalog",
            description = "Finds open-source and sovereign software and cloud offerings in the catalog, with the API's filters "
                    + "(GET /api/v1/catalog/products). Every filter is optional; results come a page at a time.",
            annotations = @Tool.Annotations(title = "Search the catalog", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.ProductPage.class, generator = ApiSchemas.class))
    @SuppressWarnings("java:S107") // the API's filters, one argument each
    public ToolResponse searchCatalog(
            @ToolArg(description = "Free text over name and description (at most 200 characters)", required = false) String q,
            @ToolArg(description = "Category code, e.g. identity-and-access", required = false) String category,
            @ToolArg(description = "SOFTWARE or SERVICE", required = false) String kind,
            @ToolArg(description = "An SPDX licence id, e.g. Apache-2.0", required = false) String licence,
            @ToolArg(description = "Only products usable under an OSI-approved or FSF-libre licence", required = false)
            Boolean openSource,
            @ToolArg(description = "FOUNDATION, COMMUNITY, SINGLE_VENDOR or PROPRIETARY_VENDOR", required = false)
            String governance,
            @ToolArg(description = "ISO 3166-1 alpha-2 country of the steward, e.g. DE", required = false) String stewardCountry,
            @ToolArg(description = "Only products under EU/EEA jurisdiction", required = false) Boolean euOnly,
            @ToolArg(description = "An open standard or protocol it speaks, e.g. OIDC", required = false) String standard,
            @ToolArg(description = "SELF_HOSTED, SAAS or MANAGED", required = false) String deploymentModel,
            @ToolArg(description = "name, updated, released or scorecard, optionally prefixed with - (descending)",
                    required = false) String sort,
            @ToolArg(description = "Zero-based page number (at most 10000)", required = false) Integer page,
            @ToolArg(description = "Products per page, 1-100 (default 20)", required = false) Integer size) {
        JsonNode found = answers.json(CATALOG, () -> catalog.search(q, category, kind, licence, openSource, governance,
                stewardCountry, euOnly, standard, deploymentModel, sort, page, size));
        long total = found.path("totalItems").asLong();
        StringBuilder text = new StringBuilder().append(total).append(total == 1 ? " product matches" : " products match");
        if (found.path("totalPages").asInt() > 1) {
            text.append(" (page ").append(found.path("page").asInt() + 1).append(" of ").append(found.path("totalPages").asInt())
                    .append(')');
        }
        text.append(found.path("items").isEmpty() ? "." : ":");
        for (JsonNode product : found.path("items")) {
            text.append("\n- ").append(product(product));
        }
        return Results.of(text.toString(), found);
    }

    @Tool(name = "get_product", title = "A catalog product with its facts and evidence",
            description = "One product of the catalog by its slug (e.g. keycloak): licence, steward and who controls it, "
                    + "governance, jurisdiction, standards, certifications, data locations, health, and for each fact its "
                    + "evidence (source, method, date). Other federation members' assertions are listed beside it.",
            annotations = @Tool.Annotations(title = "Get a product", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.Product.class, generator = ApiSchemas.class))
    public ToolResponse getProduct(@ToolArg(description = "The product's slug, e.g. keycloak") String slug) {
        JsonNode product = answers.json(CATALOG, () -> catalog.product(slug));
        StringBuilder text = new StringBuilder(product(product));
        if (!product.path("description").asText("").isBlank()) {
            text.append("\n").append(product.path("description").asText());
        }
        text.append("\nGovernance: ").append(Results.value(product.path("governance")))
                .append("; steward: ").append(Results.value(product.path("steward").path("name")))
                .append(" (").append(Results.value(product.path("steward").path("country"))).append(')')
                .append("; EU jurisdiction: ").append(product.path("euJurisdiction").asBoolean() ? "yes" : "no");
        JsonNode evidence = product.path("evidence");
        if (!evidence.isEmpty()) {
            text.append("\nEvidence:");
            evidence.fields().forEachRemaining(fact -> text.append("\n- ").append(fact.getKey()).append(": ")
                    .append(Results.value(fact.getValue().path("source"))).append(" (")
                    .append(Results.value(fact.getValue().path("method"))).append(", ")
                    .append(Results.value(fact.getValue().path("asOf"))).append(')'));
        }
        return Results.of(text.toString(), product);
    }

    @Tool(name = "find_alternatives", title = "What can replace a product",
            description = "The catalog's alternatives to a product (typically a proprietary one, e.g. okta or microsoft-365), "
                    + "full fits first, then open source, and who runs the product as a managed service. To see what a "
                    + "replacement would do to an assessed estate's levels, use explain_item on that assessment's item.",
            annotations = @Tool.Annotations(title = "Find alternatives", readOnlyHint = true, openWorldHint = false),
            structuredContent = true,
            outputSchema = @Tool.OutputSchema(from = OutputSchemas.Alternatives.class, generator = ApiSchemas.class))
    public ToolResponse findAlternatives(@ToolArg(description = "The product's slug, e.g. okta") String slug) {
        JsonNode alternatives = answers.json(CATALOG, () -> catalog.alternatives(slug));
        JsonNode offerings = answers.json(CATALOG, () -> catalog.offerings(slug));
        ObjectNode result = json.createObjectNode().put("product", slug);
        result.set("alternatives", alternatives);
        result.set("offerings", offerings);
        StringBuilder text = new StringBuilder(alternatives.isEmpty() ? "No alternative to " + slug + " is recorded."
                : alternatives.size() + (alternatives.size() == 1 ? " alternative to " : " alternatives to ") + slug + ":");
        for (JsonNode alternative : alternatives) {
            text.append("\n- ").append(Results.value(alternative.path("product").path("name")))
                    .append(" (").append(Results.value(alternative.path("product").path("slug"))).append("), fit ")
                    .append(Results.value(alternative.path("fit")));
        }
        if (!offerings.isEmpty()) {
            text.append("\nRun as a managed service by ").append(offerings.size()).append(" provider(s).");
        }
        return Results.of(text.toString(), result);
    }

    /** One line for a product: name, slug, licence, jurisdiction. */
    private static String product(JsonNode product) {
        return Results.value(product.path("name")) + " (" + Results.value(product.path("slug")) + "): "
                + Results.value(product.path("kind")).toLowerCase(java.util.Locale.ROOT) + ", licence "
                + Results.value(product.path("licence")) + (product.path("openSource").asBoolean() ? " (open source)" : "")
                + (product.path("euJurisdiction").asBoolean() ? ", EU jurisdiction" : "");
    }
}

package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.service.JsonDocuments.text;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.domain.MirrorEntry;
import eu.sovereignstack.catalog.service.JsonDocuments;
import eu.sovereignstack.catalog.service.MergePatches;
import eu.sovereignstack.catalog.service.MirrorService;
import eu.sovereignstack.catalog.service.Origins;

/**
 * Other members' assertions of a product, beside the entry this node shows: each is the product
 * as a peer node shows it (its own entry, or what its feed changed of the product when the peer
 * had it before its feed began), laid over this node's entry so that every assertion is a whole
 * product, with the asserting node, member and organisation as its origin.
 */
@ApplicationScoped
class AssertionViews {

    /** What a peer's document says about itself rather than about the product. */
    private static final List<String> NOT_FACTS = List.of("origin", "assertions", "createdAt", "updatedAt", "version");

    private static final Logger LOG = Logger.getLogger(AssertionViews.class);

    private final MirrorService mirror;
    private final ObjectMapper json;

    AssertionViews(MirrorService mirror, ObjectMapper json) {
        this.mirror = mirror;
        this.json = json;
    }

    /** The product with its assertions. */
    ProductView with(ProductView product, Origins.Snapshot origins) {
        return with(product, mirror.assertions(product.slug()), origins);
    }

    /** The products, by slug, each with its assertions (read in one query). */
    Map<String, ProductView> withEach(Map<String, ProductView> products, Origins.Snapshot origins) {
        Map<String, List<MirrorEntry>> bySlug = mirror.assertions(List.copyOf(products.keySet())).stream()
                .collect(Collectors.groupingBy(entry -> entry.key));
        return products.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> with(entry.getValue(), bySlug.getOrDefault(entry.getKey(), List.of()), origins),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private ProductView with(ProductView product, List<MirrorEntry> entries, Origins.Snapshot origins) {
        String shownFrom = product.origin() != null && product.origin().mirrored() ? product.origin().node() : null;
        List<ProductView> others = entries.stream()
                .filter(entry -> !entry.originNode.equals(shownFrom))
                .map(entry -> assertion(product, entry, origins))
                .filter(java.util.Objects::nonNull)
                .toList();
        return others.isEmpty() ? product : product.withAssertions(others);
    }

    private ProductView assertion(ProductView product, MirrorEntry entry, Origins.Snapshot origins) {
        ObjectNode shown = withoutMeta(json.valueToTree(product));
        JsonNode document = JsonDocuments.read(json, entry.document);
        JsonNode asserted = MergePatches.apply(shown, withoutMeta(document.deepCopy()));
        JsonNode origin = document.path("origin");
        EntryOrigin from = origins.ofMirror(entry.originNode, text(origin, "member"), text(origin, "organisation"), entry.version);
        ObjectNode view = (ObjectNode) asserted;
        view.set("origin", json.valueToTree(from));
        view.put("version", entry.version == null ? 0 : entry.version);
        view.put("createdAt", product.createdAt() == null ? null : product.createdAt().toString());
        view.put("updatedAt", entry.changedAt == null ? null : entry.changedAt.toString());
        try {
            return json.treeToValue(view, ProductView.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("The assertion of '%s' by peer %s is not a product this node can show; left out: %s", product.slug(),
                    entry.originNode, e.getMessage());
            return null;
        }
    }

    /** The node (changed in place) without what it says about itself; an empty object when it is no object. */
    private static ObjectNode withoutMeta(JsonNode node) {
        ObjectNode copy = node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
        copy.remove(NOT_FACTS);
        return copy;
    }
}

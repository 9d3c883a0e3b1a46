package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolvedProduct;

/**
 * When several members assert facts about a product, the assessment uses its own member's, else
 * the most recent, else the entry the catalog shows; and the chosen one is passed on alone.
 */
class AssertionPrecedenceTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String NODE_MEMBER = "https://id.example.eu/realms/sovereign";
    private static final String PARTNER = "https://id.example.eu/realms/sovereign-partner";
    private static final String THIRD = "https://id.example.eu/realms/third";

    private static Map<String, Object> product(String name, String factsAsOf, String node, String member) {
        Map<String, Object> product = new HashMap<>();
        product.put("slug", "nextcloud");
        product.put("name", name);
        product.put("kind", "SOFTWARE");
        if (factsAsOf != null) {
            product.put("factsAsOf", factsAsOf);
        }
        product.put("origin", Map.of("node", node, "member", member, "mirrored", !"sovereign".equals(node), "stale", false));
        return product;
    }

    private static ProductView shown(Map<String, Object> shown, Map<?, ?>... assertions) {
        Map<String, Object> view = new HashMap<>(shown);
        view.put("assertions", new ArrayList<>(List.of(assertions)));
        return JSON.convertValue(view, ProductView.class);
    }

    @Test
    void theAssessingMembersOwnAssertionComesFirstEvenWhenOlder() {
        ProductView view = shown(product("Ours", "2026-12-01", "sovereign", NODE_MEMBER),
                product("Partner's", "2025-01-01", "partner", PARTNER), product("Third's", "2026-12-02", "third", THIRD));
        ProductView used = AssertionPrecedence.preferred(view, PARTNER);
        assertEquals("Partner's", used.name());
        assertEquals("partner", used.origin().node());
        assertTrue(used.assertions().isEmpty());
        assertEquals("Ours", AssertionPrecedence.preferred(view, NODE_MEMBER).name());
    }

    @Test
    void otherwiseTheMostRecentFactsWinAndTheShownEntryWinsATie() {
        String stranger = "https://id.example.eu/realms/stranger";
        assertEquals("Third's", AssertionPrecedence.preferred(shown(product("Ours", "2026-12-01", "sovereign", NODE_MEMBER),
                product("Partner's", "2025-01-01", "partner", PARTNER), product("Third's", "2026-12-02", "third", THIRD)), stranger).name());
        assertEquals("Ours", AssertionPrecedence.preferred(shown(product("Ours", "2026-12-01", "sovereign", NODE_MEMBER),
                product("Partner's", "2026-12-01", "partner", PARTNER)), stranger).name());
        assertEquals("Ours", AssertionPrecedence.preferred(shown(product("Ours", null, "sovereign", NODE_MEMBER),
                product("Partner's", null, "partner", PARTNER)), null).name());
    }

    @Test
    void productsWithoutAssertionsAreLeftAsTheyAre() {
        ResolvedProduct alone = new ResolvedProduct(shown(product("Ours", "2026-12-01", "sovereign", NODE_MEMBER)), List.of(), List.of(),
                List.of());
        ResolvedProduct contested = new ResolvedProduct(shown(product("Ours", "2026-12-01", "sovereign", NODE_MEMBER),
                product("Partner's", "2026-12-02", "partner", PARTNER)), List.of(), List.of(), List.of());
        Map<String, ResolvedProduct> chosen = AssertionPrecedence.apply(Map.of("a", alone, "b", contested), null);
        assertEquals(alone, chosen.get("a"));
        assertEquals("Partner's", chosen.get("b").product().name());
    }
}

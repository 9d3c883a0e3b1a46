package eu.sovereignstack.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.catalog.contract.EntryOrigin;
import eu.sovereignstack.catalog.domain.Product;

/**
 * A followed peer's entries go stale once it has not been read to the end for stale-after (or
 * never was); a public source's never do; the node's own entries show its member, or their owner.
 */
class OriginsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Origins ORIGINS = new Origins(new CatalogNode() {
        @Override
        public String name() {
            return "sovereign";
        }

        @Override
        public String issuer() {
            return "https://id.example.eu/realms/sovereign";
        }
    }, null, Duration.ofMinutes(10), Optional.of(List.of("partner=https://gw.partner.example/api/v1/catalog", "third=https://x/api")));

    private static Product mirroredFrom(String node) {
        Product product = new Product();
        product.originNode = node;
        product.originVersion = 4;
        product.ownerIssuer = "https://id.example.eu/realms/" + node;
        return product;
    }

    @Test
    void aFollowedPeersEntriesGoStaleAfterStaleAfterOrWhenNeverSynced() {
        Origins.Snapshot snapshot = ORIGINS.at(Map.of("partner", NOW.minus(Duration.ofMinutes(9)),
                "third", NOW.minus(Duration.ofMinutes(11))), NOW);
        EntryOrigin fresh = snapshot.of(mirroredFrom("partner"));
        assertFalse(fresh.stale());
        assertTrue(fresh.mirrored());
        assertEquals(4, fresh.version());
        assertEquals(NOW.minus(Duration.ofMinutes(9)), fresh.syncedAt());
        assertTrue(snapshot.of(mirroredFrom("third")).stale());
        assertTrue(ORIGINS.at(Map.of(), NOW).of(mirroredFrom("partner")).stale());
    }

    @Test
    void aPublicSourcesEntriesAreAsOfTheirImportAndNeverStale() {
        EntryOrigin imported = ORIGINS.at(Map.of("sovereignsky", NOW.minus(Duration.ofDays(400))), NOW).of(mirroredFrom("sovereignsky"));
        assertFalse(imported.stale());
        assertEquals(NOW.minus(Duration.ofDays(400)), imported.syncedAt());
    }

    @Test
    void theNodesOwnEntriesShowItsMemberOrTheirOwner() {
        EntryOrigin seed = ORIGINS.at(Map.of(), NOW).of(new Product());
        assertEquals("sovereign", seed.node());
        assertEquals("https://id.example.eu/realms/sovereign", seed.member());
        assertNull(seed.organisation());
        assertFalse(seed.mirrored());
        Product owned = new Product();
        owned.ownerIssuer = "https://id.example.eu/realms/sovereign-partner";
        owned.ownerOrg = "demo-municipality";
        EntryOrigin written = ORIGINS.at(Map.of(), NOW).of(owned);
        assertEquals("https://id.example.eu/realms/sovereign-partner", written.member());
        assertEquals("demo-municipality", written.organisation());
    }
}

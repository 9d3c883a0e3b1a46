package eu.sovereignstack.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The bookkeeping behind refusing a withdrawn key: revoked means published before and gone now. */
class RevokedKeysTest {

    private static final String DEFAULT = "Default";
    private static final String PARTNER = "partner";

    private final RevokedKeys keys = new RevokedKeys();

    @Test
    void aKeyPublishedBeforeAndGoneNowIsRevoked() {
        keys.published(DEFAULT, Set.of("old", "new"));
        assertFalse(keys.isRevoked(DEFAULT, "old"));

        RevokedKeys.Change change = keys.published(DEFAULT, Set.of("new"));

        assertTrue(keys.isRevoked(DEFAULT, "old"));
        assertFalse(keys.isRevoked(DEFAULT, "new"));
        assertEquals(Set.of("old"), change.withdrawn());
        assertEquals(Set.of(), change.published());
    }

    @Test
    void aKeyNeverSeenIsNotRevoked() {
        assertFalse(keys.isRevoked(DEFAULT, "rotated-in"), "no read yet");
        keys.published(DEFAULT, Set.of("current"));
        assertFalse(keys.isRevoked(DEFAULT, "rotated-in"), "published after the last read: Quarkus has verified it");
    }

    @Test
    void aWithdrawnKeyPublishedAgainIsAcceptedAgain() {
        keys.published(DEFAULT, Set.of("a", "b"));
        keys.published(DEFAULT, Set.of("b"));
        assertTrue(keys.isRevoked(DEFAULT, "a"));

        RevokedKeys.Change change = keys.published(DEFAULT, Set.of("a", "b"));

        assertFalse(keys.isRevoked(DEFAULT, "a"));
        assertEquals(Set.of("a"), change.published());
        assertEquals(Set.of(), change.withdrawn());
    }

    @Test
    void tenantsAreKeptApart() {
        keys.published(DEFAULT, Set.of("shared", "default-only"));
        keys.published(PARTNER, Set.of("partner-only"));
        keys.published(DEFAULT, Set.of("default-only"));

        assertTrue(keys.isRevoked(DEFAULT, "shared"));
        assertFalse(keys.isRevoked(PARTNER, "shared"), "the partner realm never published it");
        assertFalse(keys.isRevoked(PARTNER, "partner-only"));
        assertFalse(keys.isRevoked("unknown-tenant", "shared"));
    }

    @Test
    void theFirstReadReportsEveryKeyAndWithdrawsNone() {
        RevokedKeys.Change first = keys.published(DEFAULT, Set.of("a", "b"));
        assertTrue(first.first());
        assertEquals(Set.of("a", "b"), first.published());
        assertEquals(Set.of(), first.withdrawn());

        RevokedKeys.Change next = keys.published(DEFAULT, Set.of("a", "b", "c"));
        assertFalse(next.first());
        assertEquals(Set.of("c"), next.published());
    }

    @Test
    void theHistoryForgetsTheOldestKeysButNeverTheCurrentOnes() {
        keys.published(DEFAULT, Set.of("oldest"));
        for (int round = 0; round < RevokedKeys.HISTORY; round++) {
            keys.published(DEFAULT, Set.of("key-" + round));
        }
        assertFalse(keys.isRevoked(DEFAULT, "oldest"), "forgotten after " + RevokedKeys.HISTORY + " newer keys");
        assertTrue(keys.isRevoked(DEFAULT, "key-1"));
        assertFalse(keys.isRevoked(DEFAULT, "key-" + (RevokedKeys.HISTORY - 1)));

        Set<String> many = IntStream.range(0, RevokedKeys.HISTORY).mapToObj(i -> "many-" + i).collect(Collectors.toSet());
        keys.published(DEFAULT, many);
        keys.published(DEFAULT, Set.of());
        assertTrue(many.stream().allMatch(kid -> keys.isRevoked(DEFAULT, kid)), "the latest keys are the last forgotten");
    }
}

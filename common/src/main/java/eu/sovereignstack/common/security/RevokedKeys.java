package eu.sovereignstack.common.security;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which signing keys each OIDC tenant has withdrawn: a key id is revoked when an earlier read of
 * the tenant's key set published it and the latest successful read does not. A key id never seen
 * is not revoked: Quarkus has already verified the token against keys it fetched itself, and a key
 * just rotated in must be accepted before the next read. A failed read changes nothing, so tokens
 * keep working while the identity provider is down; a withdrawn key that is published again is
 * accepted again.
 */
@ApplicationScoped
public class RevokedKeys {

    /** Key ids remembered per tenant, the oldest forgotten first; far more than a realm rotates through. */
    static final int HISTORY = 1000;

    private final Map<String, Publication> tenants = new ConcurrentHashMap<>();
    /** Worked out on each read, so that the check per request is one volatile read. */
    private volatile boolean anyRevoked;

    public boolean isRevoked(String tenant, String keyId) {
        Publication publication = tenants.get(tenant);
        return publication != null && publication.revoked().contains(keyId);
    }

    /** Whether any tenant has withdrawn a key: when none has (nearly always), there is nothing to check. */
    public boolean anyRevoked() {
        return anyRevoked;
    }

    /** Records a successful read of the tenant's key set; returns what changed since the previous one. */
    synchronized Change published(String tenant, Set<String> keyIds) {
        Set<String> latest = Set.copyOf(keyIds);
        Publication before = tenants.get(tenant);
        Set<String> seen = remember(before == null ? Set.of() : before.seen(), latest);
        Publication after = new Publication(seen, latest, difference(seen, latest));
        tenants.put(tenant, after);
        anyRevoked = tenants.values().stream().anyMatch(publication -> !publication.revoked().isEmpty());
        if (before == null) {
            return new Change(true, latest, Set.of());
        }
        return new Change(false, difference(latest, before.latest()), difference(before.latest(), latest));
    }

    /** The key ids seen so far with the latest ones last, at most {@link #HISTORY}. */
    private static Set<String> remember(Set<String> seen, Set<String> latest) {
        LinkedHashSet<String> remembered = new LinkedHashSet<>(seen);
        remembered.removeAll(latest);
        remembered.addAll(latest);
        Iterator<String> oldest = remembered.iterator();
        while (remembered.size() > HISTORY) {
            oldest.next();
            oldest.remove();
        }
        return remembered;
    }

    private static Set<String> difference(Set<String> these, Set<String> butNotThese) {
        Set<String> difference = new LinkedHashSet<>(these);
        difference.removeAll(butNotThese);
        return Set.copyOf(difference);
    }

    /**
     * One tenant's state, replaced whole on each read so that a check never sees half an update;
     * {@code revoked} (seen but no longer published) is worked out once per read, not per request.
     */
    private record Publication(Set<String> seen, Set<String> latest, Set<String> revoked) {
    }

    /**
     * What one read changed: the first read of a tenant, key ids published now but not in the
     * previous read (new, or back again), and key ids withdrawn since then (revoked from now on).
     */
    record Change(boolean first, Set<String> published, Set<String> withdrawn) {
    }
}

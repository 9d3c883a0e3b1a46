package eu.sovereignstack.common.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Reads every watched realm's published key set at start and then every
 * {@code sovereign.oidc.key-watch.interval}, and tells {@link RevokedKeys} what it found, so that
 * a key an administrator disables is refused within one interval, without a restart. A read that
 * fails (identity provider down, slow or answering nonsense) keeps the last known key set: tokens
 * already issued keep working through an outage. Off when no tenant has an {@code auth-server-url}
 * (tests with a fixed public key) or with {@code sovereign.oidc.key-watch.enabled=false}.
 */
@ApplicationScoped
public class KeySetWatch {

    private static final Logger LOG = Logger.getLogger(KeySetWatch.class);

    private final Vertx vertx;
    private final List<WatchedRealm> realms;
    private final Duration interval;
    private final RevokedKeys revokedKeys;
    private final KeySetClient client;
    /** Tenants whose last read failed, so that an outage is logged once, not once per interval. */
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile long timer = -1;

    @Inject
    KeySetWatch(Vertx vertx, KeyWatchConfig config, Config allConfig, RevokedKeys revokedKeys) {
        this(vertx, config.enabled() && !config.interval().isZero() && !config.interval().isNegative() ? WatchedRealm.configured(allConfig) : List.of(),
                config.interval(), config.timeout(), revokedKeys);
    }

    KeySetWatch(Vertx vertx, List<WatchedRealm> realms, Duration interval, Duration timeout, RevokedKeys revokedKeys) {
        this.vertx = vertx;
        this.realms = List.copyOf(realms);
        this.interval = interval;
        this.revokedKeys = revokedKeys;
        this.client = new KeySetClient(vertx, timeout);
    }

    void start(@Observes StartupEvent event) {
        if (realms.isEmpty()) {
            LOG.debug("No OIDC tenant with an auth-server-url, or the key watch is off: signing keys are not watched");
            return;
        }
        LOG.infof("Watching the signing keys of OIDC tenants %s every %d ms",
                realms.stream().map(WatchedRealm::tenant).toList(), interval.toMillis());
        refreshThenWait();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(timer);
        client.close();
    }

    /** One read of every watched realm's key set; completes (never fails) when all of them are done. */
    Future<Void> refresh() {
        List<Future<Void>> reads = realms.stream().map(this::refresh).toList();
        return Future.join(reads).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<Void> refresh(WatchedRealm realm) {
        return client.keyIds(realm)
                .onSuccess(keyIds -> published(realm, keyIds))
                .onFailure(failure -> unreachable(realm, failure))
                .<Void>mapEmpty()
                .otherwiseEmpty();
    }

    /** Reads, then waits an interval: a slow identity provider delays the next read instead of overlapping it. */
    private void refreshThenWait() {
        refresh().onComplete(done -> {
            if (!stopped) {
                timer = vertx.setTimer(interval.toMillis(), id -> refreshThenWait());
            }
        });
    }

    private void published(WatchedRealm realm, Set<String> keyIds) {
        if (unreachable.remove(realm.tenant())) {
            LOG.infof("The signing keys of OIDC tenant %s can be read again at %s", realm.tenant(), realm.authServerUrl());
        }
        RevokedKeys.Change change = revokedKeys.published(realm.tenant(), keyIds);
        if (change.first()) {
            LOG.infof("OIDC tenant %s publishes signing keys %s", realm.tenant(), change.published());
            return;
        }
        change.published().forEach(keyId -> LOG.infof("OIDC tenant %s publishes a new signing key %s", realm.tenant(), keyId));
        change.withdrawn().forEach(keyId -> LOG.infof(
                "OIDC tenant %s no longer publishes signing key %s: its tokens are refused from now on", realm.tenant(), keyId));
    }

    private void unreachable(WatchedRealm realm, Throwable failure) {
        if (unreachable.add(realm.tenant())) {
            LOG.warnf("Cannot read the signing keys of OIDC tenant %s at %s (%s); the last known ones stay in force until it answers",
                    realm.tenant(), realm.authServerUrl(), failure.toString());
        }
    }
}

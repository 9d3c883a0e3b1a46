package eu.sovereignstack.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often each realm's published signing keys are read again (see {@link KeySetWatch}). Quarkus
 * OIDC alone reads them only at start and for a token with a key id it does not know, so a key an
 * administrator disables would otherwise stay trusted for as long as the service runs.
 */
@ConfigMapping(prefix = "sovereign.oidc.key-watch")
public interface KeyWatchConfig {

    /** Off: a disabled key stays trusted until the service restarts or fetches the key set for another reason. */
    @WithDefault("true")
    boolean enabled();

    /** Time between two reads of every realm's key set; at most this long a disabled key's tokens still get in. 0 turns the watch off. */
    @WithDefault("30s")
    Duration interval();

    /** How long one request for a discovery document or a key set may wait for a connection or stay silent. */
    @WithDefault("5s")
    Duration timeout();
}

package eu.sovereignstack.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How many verified bearer tokens {@link VerifiedTokens} keeps, and for how long at most. */
@ConfigMapping(prefix = "sovereign.oidc.token-cache")
public interface TokenCacheConfig {

    /** Tokens kept, the least used forgotten first; 0 turns the cache off and every request's token is verified in full. */
    @WithDefault("1000")
    int maxEntries();

    /** The longest a token is trusted without its signature being verified again, even when it expires later. */
    @WithDefault("5m")
    Duration maxAge();
}

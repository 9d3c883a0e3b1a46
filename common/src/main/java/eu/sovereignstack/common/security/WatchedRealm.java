package eu.sovereignstack.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import io.quarkus.oidc.runtime.OidcUtils;

/**
 * One OIDC tenant whose key set is watched: its Quarkus tenant id (the identity's {@code tenant-id}
 * attribute, {@code Default} for the default tenant) and its realm's address.
 */
record WatchedRealm(String tenant, String authServerUrl) {

    private static final Pattern NAMED_TENANT = Pattern.compile("quarkus\\.oidc\\.([A-Za-z0-9_-]+)\\.auth-server-url");

    /** Where the realm's discovery document is, which names its key set's address ({@code jwks_uri}). */
    String discoveryUrl() {
        String base = authServerUrl.endsWith("/") ? authServerUrl.substring(0, authServerUrl.length() - 1) : authServerUrl;
        return base + "/.well-known/openid-configuration";
    }

    /**
     * The default tenant and every named one ({@code quarkus.oidc.<name>.auth-server-url}) that is
     * enabled and has an address. A tenant checked with a fixed {@code public-key} instead, as in
     * the tests, has none and is not watched.
     */
    static List<WatchedRealm> configured(Config config) {
        List<WatchedRealm> realms = new ArrayList<>();
        watched(config, OidcUtils.DEFAULT_TENANT_ID, "quarkus.oidc.").ifPresent(realms::add);
        for (String property : config.getPropertyNames()) {
            Matcher named = NAMED_TENANT.matcher(property);
            if (named.matches()) {
                watched(config, named.group(1), "quarkus.oidc." + named.group(1) + ".").ifPresent(realms::add);
            }
        }
        return realms;
    }

    private static Optional<WatchedRealm> watched(Config config, String tenant, String prefix) {
        boolean enabled = config.getOptionalValue(prefix + "tenant-enabled", Boolean.class).orElse(true);
        return config.getOptionalValue(prefix + "auth-server-url", String.class)
                .filter(url -> enabled && !url.isBlank())
                .map(url -> new WatchedRealm(tenant, url.strip()));
    }
}

package eu.sovereignstack.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which tenants' key sets are watched, read from the same properties Quarkus OIDC reads. */
class WatchedRealmTest {

    @Test
    void theDefaultTenantAndEveryEnabledNamedTenantWithAnAddress() {
        Config config = config(Map.of(
                "quarkus.oidc.auth-server-url", "http://127.0.0.1:8180/realms/sovereign",
                "quarkus.oidc.partner.auth-server-url", "http://127.0.0.1:8180/realms/sovereign-partner/",
                "quarkus.oidc.partner.tenant-enabled", "${partner-enabled:true}",
                "quarkus.oidc.off.auth-server-url", "http://127.0.0.1:8180/realms/off",
                "quarkus.oidc.off.tenant-enabled", "false",
                "quarkus.oidc.fixed-key.auth-server-url", "",
                "quarkus.oidc.token.audience", "catalog-service"));

        List<WatchedRealm> realms = WatchedRealm.configured(config);

        assertEquals(List.of(
                new WatchedRealm("Default", "http://127.0.0.1:8180/realms/sovereign"),
                new WatchedRealm("partner", "http://127.0.0.1:8180/realms/sovereign-partner/")), realms);
        assertEquals("http://127.0.0.1:8180/realms/sovereign-partner/.well-known/openid-configuration", realms.get(1).discoveryUrl());
    }

    @Test
    void tenantsCheckedWithAFixedPublicKeyAreNotWatched() {
        Config config = config(Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", "MIIB...",
                "quarkus.oidc.partner.auth-server-url", "",
                "quarkus.oidc.partner.public-key", "MIIB..."));

        assertEquals(List.of(), WatchedRealm.configured(config));
    }

    @Test
    void aDisabledDefaultTenantIsNotWatched() {
        Config config = config(Map.of(
                "quarkus.oidc.auth-server-url", "http://127.0.0.1:8180/realms/sovereign",
                "quarkus.oidc.tenant-enabled", "false"));

        assertEquals(List.of(), WatchedRealm.configured(config));
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}

package eu.sovereignstack.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A member listed in sovereign.federation.members becomes an OIDC tenant checked like the default one; explicit settings win. */
class FederationMembersTest {

    private static ConfigSourceContext context(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public List<String> getProfiles() {
                return List.of();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    private static ConfigSource only(Iterable<ConfigSource> sources) {
        Iterator<ConfigSource> each = sources.iterator();
        ConfigSource source = each.next();
        assertFalse(each.hasNext());
        return source;
    }

    @Test
    void eachMemberIsATenantWithTheDefaultTenantsAudienceRolesAndKeyRefresh() {
        ConfigSource source = only(new FederationMembers().getConfigSources(context(Map.of(
                "sovereign.federation.members", "third=https://id.third.example/realms/third, fourth=http://127.0.0.1:8180/realms/fourth",
                "quarkus.oidc.token.audience", "catalog-service",
                "quarkus.oidc.roles.role-claim-path", "realm_access/roles",
                "quarkus.oidc.token.forced-jwk-refresh-interval", "10S"))));
        assertEquals("https://id.third.example/realms/third", source.getValue("quarkus.oidc.third.auth-server-url"));
        assertEquals("service", source.getValue("quarkus.oidc.third.application-type"));
        assertEquals("catalog-service", source.getValue("quarkus.oidc.third.token.audience"));
        assertEquals("realm_access/roles", source.getValue("quarkus.oidc.fourth.roles.role-claim-path"));
        assertEquals("10S", source.getValue("quarkus.oidc.fourth.token.forced-jwk-refresh-interval"));
        assertEquals(FederationMembers.ORDINAL, source.getOrdinal());
    }

    @Test
    void noListNoTenants() {
        assertFalse(new FederationMembers().getConfigSources(context(Map.of())).iterator().hasNext());
        assertFalse(new FederationMembers().getConfigSources(context(Map.of("sovereign.federation.members", " "))).iterator().hasNext());
    }

    @Test
    void aMalformedEntryStopsTheServiceNamingIt() {
        for (String members : List.of("third", "Third=https://x.example/realms/t", "third=ftp://x.example", "third=not a url",
                "partner=https://x.example/realms/p", "a=https://x.example/realms/a,a=https://y.example/realms/a")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> FederationMembers.parse(members));
            assertTrue(refused.getMessage().startsWith("sovereign.federation.members: '"), refused.getMessage());
        }
    }

    @Test
    void explicitSettingsOfAMembersTenantWin() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.PropertiesConfigSource(Map.of(
                        "sovereign.federation.members", "third=https://id.third.example/realms/third",
                        "quarkus.oidc.third.token.audience", "explicit"), "application.properties", 250))
                .withSources(new FederationMembers())
                .build();
        assertEquals("https://id.third.example/realms/third", config.getRawValue("quarkus.oidc.third.auth-server-url"));
        assertEquals("explicit", config.getRawValue("quarkus.oidc.third.token.audience"));
    }
}

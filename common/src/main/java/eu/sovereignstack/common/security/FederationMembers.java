package eu.sovereignstack.common.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

import eu.sovereignstack.common.config.NamedUrls;

/**
 * The federation's further members, listed in one setting rather than one OIDC tenant block per
 * member in every service: {@code sovereign.federation.members} (env
 * {@code SOVEREIGN_FEDERATION_MEMBERS}) is a comma-separated list of {@code name=realm URL}, and
 * each entry becomes a Quarkus OIDC tenant {@code name} that checks tokens like the default tenant
 * does (the service's own audience, role claim and key refresh interval), resolved by issuer. A
 * member joins by configuration alone, without a rebuild. Anything set explicitly for such a
 * tenant (e.g. {@code QUARKUS_OIDC_<NAME>_TOKEN_ISSUER} for a public issuer name) wins: these
 * properties have a lower ordinal than application.properties and the environment.
 */
public class FederationMembers implements ConfigSourceFactory {

    static final String PROPERTY = "sovereign.federation.members";
    /** Below application.properties (250) and environment variables (300): explicit settings win. */
    static final int ORDINAL = 150;
    /** What a member's tenant takes over from the default tenant, when the service sets it. */
    private static final List<String> LIKE_THE_DEFAULT = List.of("token.audience", "roles.role-claim-path",
            "token.forced-jwk-refresh-interval");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String members = value(context, PROPERTY);
        if (members == null || members.isBlank()) {
            return List.of();
        }
        Map<String, String> tenants = new LinkedHashMap<>();
        for (Map.Entry<String, String> member : parse(members).entrySet()) {
            String prefix = "quarkus.oidc." + member.getKey() + ".";
            tenants.put(prefix + "auth-server-url", member.getValue());
            tenants.put(prefix + "application-type", "service");
            for (String setting : LIKE_THE_DEFAULT) {
                String value = value(context, "quarkus.oidc." + setting);
                if (value != null && !value.isBlank()) {
                    tenants.put(prefix + setting, value);
                }
            }
        }
        return List.of(new PropertiesConfigSource(tenants, PROPERTY, ORDINAL));
    }

    /** The members of the list, by name ({@link NamedUrls}); the two built-in members' names are taken. */
    static Map<String, String> parse(String members) {
        Map<String, String> parsed = NamedUrls.parse(PROPERTY, List.of(members.split(",")));
        for (String taken : List.of("default", "partner")) {
            if (parsed.containsKey(taken)) {
                throw NamedUrls.invalid(PROPERTY, taken + "=" + parsed.get(taken),
                        "'" + taken + "' is configured already (sovereign.oidc.url, sovereign.oidc.partner-url)");
            }
        }
        return parsed;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}

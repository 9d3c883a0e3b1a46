package eu.sovereignstack.common.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

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
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
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

    /**
     * The members of the list, by name. A malformed entry stops the service at startup, naming it:
     * a service must not run believing it trusts a member it cannot name.
     */
    static Map<String, String> parse(String members) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : members.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? "" : trimmed.substring(0, equals).trim();
            String url = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches() || name.length() > 63) {
                throw invalid(trimmed, "it is not name=URL with a lower-case slug as name");
            }
            if ("default".equals(name) || "partner".equals(name)) {
                throw invalid(trimmed, "'" + name + "' is configured already (sovereign.oidc.url, sovereign.oidc.partner-url)");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw invalid(trimmed, "the URL is malformed");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw invalid(trimmed, "the URL must be http(s) with a host: the member's realm, e.g. https://id.example/realms/x");
            }
            if (parsed.put(name, url) != null) {
                throw invalid(trimmed, "the name is listed twice");
            }
        }
        return parsed;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException(PROPERTY + ": '" + entry + "': " + reason);
    }
}

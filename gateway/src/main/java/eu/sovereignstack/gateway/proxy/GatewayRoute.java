package eu.sovereignstack.gateway.proxy;

import java.util.Optional;

/**
 * The routes, as data: requests under {@code prefix} go to {@code backend}, with the prefix
 * replaced by {@code backendPrefix}. The catalog's paths gain a {@code /catalog} segment at the
 * gateway; the assessment-service's and the MCP server's are exposed as they are.
 */
public enum GatewayRoute {
    CATALOG("/api/v1/catalog/", "catalog", "/api/v1/"),
    ASSESSMENTS("/api/v1/assessments", "assessment", "/api/v1/assessments"),
    SCORING_PROFILES("/api/v1/scoring-profiles", "assessment", "/api/v1/scoring-profiles"),
    /** The MCP server's endpoint (Streamable HTTP), for AI assistants. */
    MCP("/mcp", "mcp", "/mcp"),
    /** RFC 9728: where an MCP client learns which realm issues tokens for /mcp (public, no token). */
    MCP_RESOURCE_METADATA(GatewayRoute.RESOURCE_METADATA, "mcp", GatewayRoute.RESOURCE_METADATA);

    /** The MCP endpoint's protected-resource metadata (RFC 9728, a well-known URI per resource path). */
    public static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource/mcp";

    private static final GatewayRoute[] VALUES = values();

    private final String prefix;
    private final String backend;
    private final String backendPrefix;

    GatewayRoute(String prefix, String backend, String backendPrefix) {
        this.prefix = prefix;
        this.backend = backend;
        this.backendPrefix = backendPrefix;
    }

    public String prefix() {
        return prefix;
    }

    public String backend() {
        return backend;
    }

    /** The backend's URI for a gateway URI under this route (query kept). */
    public String rewrite(String uri) {
        return backendPrefix + uri.substring(prefix.length());
    }

    /** A backend Location (absolute or not) pointing into the backend's paths, as the gateway exposes it. */
    public String rewriteLocation(String location) {
        int at = location.indexOf(backendPrefix);
        if (at < 0) {
            return location;
        }
        int schemeEnd = location.indexOf("://");
        int pathStart = schemeEnd < 0 ? 0 : location.indexOf('/', schemeEnd + 3);
        return at == pathStart ? location.substring(0, at) + prefix + location.substring(at + backendPrefix.length()) : location;
    }

    /** The gateway's path for a backend path this route leads to, if it leads there. */
    public Optional<String> expose(String backendPath) {
        if (!backendPath.startsWith(backendPrefix)) {
            return Optional.empty();
        }
        String rest = backendPath.substring(backendPrefix.length());
        if (!backendPrefix.endsWith("/") && !rest.isEmpty() && !rest.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(prefix + rest);
    }

    /** The route that serves this path, if any. */
    public static Optional<GatewayRoute> of(String path) {
        for (GatewayRoute route : VALUES) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Whether the route serves this path: the prefix itself, or below it. */
    public boolean matches(String path) {
        return path.startsWith(prefix)
                && (prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}

package eu.sovereignstack.common.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A setting that lists named addresses, {@code name=http(s) URL} (federation members' realms,
 * peer catalog nodes). A malformed entry stops the service at startup, naming the setting, the
 * entry and the reason: a service must not run believing it trusts or follows what it cannot name.
 */
public final class NamedUrls {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int NAME_MAX = 63;

    private NamedUrls() {
    }

    /** The entries by name, in their order; blank entries are skipped. */
    public static Map<String, String> parse(String property, Iterable<String> entries) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String name = equals < 0 ? "" : trimmed.substring(0, equals).trim();
            String url = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches() || name.length() > NAME_MAX) {
                throw invalid(property, trimmed, "it is not name=URL with a lower-case slug of at most " + NAME_MAX + " characters as name");
            }
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw invalid(property, trimmed, "the URL is malformed");
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw invalid(property, trimmed, "the URL must be http(s) with a host");
            }
            if (parsed.put(name, url) != null) {
                throw invalid(property, trimmed, "the name is listed twice");
            }
        }
        return parsed;
    }

    /** The refusal of one entry of the setting. */
    public static IllegalArgumentException invalid(String property, String entry, String reason) {
        return new IllegalArgumentException(property + ": '" + entry + "': " + reason);
    }
}

package eu.sovereignstack.catalog.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A peer catalog node: its name in the federation and the base URL of its API (through its gateway). */
public record PeerNode(String name, URI api) {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /**
     * The peers of {@code catalog.federation.peers}, each {@code name=URL}. A malformed entry stops
     * the node at startup with the entry and the reason: a node must not run believing it mirrors
     * a peer it cannot name.
     */
    static List<PeerNode> parse(Optional<List<String>> entries, String ownName) {
        List<PeerNode> peers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : entries.orElse(List.of())) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw invalid(trimmed, "it is not name=URL");
            }
            String name = trimmed.substring(0, equals).trim();
            String url = trimmed.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches() || name.length() > 63) {
                throw invalid(trimmed, "the name must be a slug of at most 63 characters");
            }
            if (name.equals(ownName)) {
                throw invalid(trimmed, "it names this node itself");
            }
            if (!names.add(name)) {
                throw invalid(trimmed, "the name is listed twice");
            }
            URI api;
            try {
                api = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            } catch (IllegalArgumentException e) {
                throw invalid(trimmed, "the URL is malformed");
            }
            if (!"http".equals(api.getScheme()) && !"https".equals(api.getScheme()) || api.getHost() == null) {
                throw invalid(trimmed, "the URL must be http(s) with a host");
            }
            peers.add(new PeerNode(name, api));
        }
        return List.copyOf(peers);
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException("catalog.federation.peers: '" + entry + "': " + reason);
    }
}

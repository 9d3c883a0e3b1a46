package eu.sovereignstack.catalog.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.sovereignstack.common.config.NamedUrls;

/** A peer catalog node: its name in the federation and the base URL of its API (through its gateway). */
public record PeerNode(String name, URI api) {

    private static final String PROPERTY = "catalog.federation.peers";

    /**
     * The peers of {@code catalog.federation.peers}, each {@code name=URL} ({@link NamedUrls}: a
     * malformed entry stops the node at startup); a node cannot be its own peer.
     */
    static List<PeerNode> parse(Optional<List<String>> entries, String ownName) {
        Map<String, String> named = NamedUrls.parse(PROPERTY, entries.orElse(List.of()));
        List<PeerNode> peers = new ArrayList<>();
        named.forEach((name, url) -> {
            if (name.equals(ownName)) {
                throw NamedUrls.invalid(PROPERTY, name + "=" + url, "it names this node itself");
            }
            peers.add(new PeerNode(name, URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url)));
        });
        return List.copyOf(peers);
    }
}

package eu.sovereignstack.catalog.service;

import io.smallrye.config.ConfigMapping;

/** This catalog node: its name in the federation and the member that runs it. */
@ConfigMapping(prefix = "catalog.node")
public interface CatalogNode {

    /** The node's name, as its peers and the origins of mirrored entries show it. */
    String name();

    /**
     * The issuer (realm) of the member that runs the node. Entries without an owner (the seed) are
     * this member's, and this realm's platform-admins moderate every entry of the node.
     */
    String issuer();
}

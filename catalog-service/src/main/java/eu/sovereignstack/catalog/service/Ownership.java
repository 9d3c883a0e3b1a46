package eu.sovereignstack.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.sovereignstack.catalog.domain.Actor;
import eu.sovereignstack.catalog.domain.Member;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * Who may change an entry. A member answers for what it asserts: an entry belongs to the member
 * (issuer) and organisation of the editor who created it, and only editors of that member and
 * organisation change it. An entry without an owner (the seed) belongs to the node's own member.
 * The node's platform-admins (its own realm's) may change any entry of the node, to moderate.
 * An entry mirrored from a peer node belongs to its member there and is changed only there.
 */
@ApplicationScoped
public class Ownership {

    static final String MODERATOR = "platform-admin";

    private final WriteContext context;
    private final CatalogNode node;

    Ownership(WriteContext context, CatalogNode node) {
        this.context = context;
        this.node = node;
    }

    /** The member a new entry belongs to: the writer's member and organisation. */
    public Member writer() {
        Actor actor = context.actor();
        return new Member(actor.issuer(), actor.org());
    }

    /** The member an entry belongs to, the node's own when it has no recorded owner. */
    public Member ownerOf(String issuer, String org) {
        return issuer == null ? new Member(node.issuer(), null) : new Member(issuer, org);
    }

    /**
     * Refuses (403) a change of the entry {@code what} '{@code key}' that belongs to the owner
     * given by {@code issuer} and {@code org}, or that was mirrored from {@code origin} (null for
     * the node's own entries), unless the writer may make it.
     */
    public void checkMayChange(String what, String key, String issuer, String org, String origin) {
        if (origin != null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The " + what + " '" + key + "' is mirrored from the catalog node '"
                    + origin + "': it is read-only here; its member changes it on its own node.");
        }
        Actor actor = context.actor();
        if (context.hasRole(MODERATOR) && node.issuer().equals(actor.issuer())) {
            return;
        }
        Member owner = ownerOf(issuer, org);
        boolean sameMember = owner.issuer().equals(actor.issuer())
                && (owner.organisation() == null || owner.organisation().equals(actor.org()));
        if (!sameMember) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The " + what + " '" + key + "' is asserted by " + describe(owner)
                    + ": only its editors, or a platform-admin of this node, can change it.");
        }
    }

    /** Refuses (403) anyone but a platform-admin of the node's own member: the node's operators. */
    public void checkOperator(String what) {
        if (!context.hasRole(MODERATOR) || !node.issuer().equals(context.actor().issuer())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only a platform-admin of this node's member (" + node.issuer()
                    + ") may " + what + ".");
        }
    }

    private static String describe(Member owner) {
        return owner.organisation() == null
                ? "the member " + owner.issuer()
                : "the organisation '" + owner.organisation() + "' of the member " + owner.issuer();
    }
}

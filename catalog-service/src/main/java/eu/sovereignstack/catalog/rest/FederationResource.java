package eu.sovereignstack.catalog.rest;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.domain.Peer;
import eu.sovereignstack.catalog.federation.PeerFollower;
import eu.sovereignstack.catalog.service.MirrorService;
import eu.sovereignstack.catalog.service.Origins;

/** How this node's mirrors of its peers stand. */
@Path("/api/v1/federation")
@Tag(name = ApiTags.CHANGES)
@Produces(MediaType.APPLICATION_JSON)
public class FederationResource {

    private final PeerFollower follower;
    private final MirrorService mirror;
    private final Origins origins;

    FederationResource(PeerFollower follower, MirrorService mirror, Origins origins) {
        this.follower = follower;
        this.mirror = mirror;
        this.origins = origins;
    }

    @GET
    @Path("peers")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "listPeers", summary = "The peer nodes this node mirrors, and how far it got with each",
            description = "One entry per configured peer: the last change of its feed applied here, when its feed was last read "
                    + "to the end, the last failure, and whether its mirrored entries are stale.")
    @APIResponse(responseCode = "200", description = "The configured peers, in configuration order", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PeerView.class, maxItems = 100)))
    public List<PeerView> peers() {
        Map<String, Peer> state = mirror.peers().stream().collect(Collectors.toMap(p -> p.node, Function.identity()));
        Origins.Snapshot now = origins.now();
        return follower.peers().stream().map(peer -> {
            Peer read = state.get(peer.name());
            return read == null
                    ? new PeerView(peer.name(), peer.api().toString(), 0, null, null, null, true)
                    : new PeerView(peer.name(), peer.api().toString(), read.cursor, read.syncedAt, read.attemptedAt, read.error,
                            now.stale(peer.name()));
        }).toList();
    }
}

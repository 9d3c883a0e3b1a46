package eu.sovereignstack.assessment.rest;

import java.util.List;

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

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.ScoringProfile;
import eu.sovereignstack.assessment.service.ScoringProfiles;

@Path("/api/v1/scoring-profiles")
@Tag(name = ApiTags.PROFILES, description = "Versioned objective weights an assessment can be scored with")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringProfileResource {

    private final ScoringProfiles profiles;

    ScoringProfileResource(ScoringProfiles profiles) {
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed(Roles.ASSESSOR)
    @Operation(operationId = "listScoringProfiles", summary = "The scoring profiles; the default one is the CSF v1.2.1 weighting")
    @APIResponse(responseCode = "200", description = "All profiles", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ScoringProfile.class, maxItems = Limits.PROFILES)))
    public List<ScoringProfile> profiles() {
        return profiles.all();
    }
}

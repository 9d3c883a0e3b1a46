package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.LONG_MAX;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.service.ChangePage;
import eu.sovereignstack.catalog.service.ChangeService;
import eu.sovereignstack.common.api.QueryParameters;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * The change feed: every recorded write of the catalog in commit order, deletions as tombstones,
 * for the federation's catalog nodes and for auditors.
 */
@Path("/api/v1/changes")
@Tag(name = ApiTags.CHANGES, description = "The audit trail: every write of the catalog, in commit order")
@APIResponse(responseCode = "503", description = "The service's database cannot be reached; try again after Retry-After seconds")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    static final int SIZE_MAX = 500;
    static final int SIZE_DEFAULT = 100;

    private final ChangeService changes;
    private final ObjectMapper json;

    ChangeResource(ChangeService changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "listChanges", summary = "Read the change feed",
            description = "Changes in id order after the cursor 'after'; continue with the page's 'next'. Ids are handed out "
                    + "in commit order, so a change never appears below a cursor already read.")
    @APIResponse(responseCode = "200", description = "One page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePageView.class)))
    @APIResponse(responseCode = "400", description = "'after' or 'size' is not a whole number in its range")
    public ChangePageView feed(
            @Parameter(description = "The last id already read (the previous page's 'next'); 0 to start from the beginning",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = LONG_MAX, defaultValue = "0"))
            @QueryParam("after") String after,
            @Parameter(description = "Page size, at most " + SIZE_MAX, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "" + SIZE_MAX, defaultValue = "" + SIZE_DEFAULT))
            @QueryParam("size") String size) {
        long cursor = cursor("after", after, 0L);
        return ChangeMapper.page(changes.after(cursor, pageSize(size)), json);
    }

    /** A cursor parameter: a non-negative whole number, {@code absent} when not sent. */
    static Long cursor(String name, String value, Long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long cursor = Long.parseLong(value.trim());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a whole number from 0 to " + LONG_MAX);
    }

    /**
     * One page of an entry's recorded changes, newest first, before the cursor {@code before};
     * {@code missing} when the entry neither exists ({@code exists}) nor ever had a change.
     */
    static ChangePageView history(ChangeService changes, ObjectMapper json, EntryKind kind, String slug, String before,
            String size, BooleanSupplier exists, Supplier<ProblemException> missing) {
        Long cursor = cursor("before", before, null);
        ChangePage page = changes.history(kind, slug, cursor, pageSize(size));
        if (page.changes().isEmpty() && cursor == null && !exists.getAsBoolean()) {
            throw missing.get();
        }
        return ChangeMapper.page(page, json);
    }

    static int pageSize(String size) {
        return QueryParameters.intValue("size", size, SIZE_DEFAULT, 1, SIZE_MAX);
    }
}

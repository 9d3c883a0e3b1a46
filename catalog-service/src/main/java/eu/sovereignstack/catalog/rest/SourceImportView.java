package eu.sovereignstack.catalog.rest;

import static eu.sovereignstack.catalog.contract.CatalogLimits.*;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.sovereignstack.catalog.service.SourceImport;

/** What an import of a public source did, or would do (dry run). */
@Schema(name = "SourceImport", description = "What an import of a public reference source did, or would do in a dry run: its "
        + "entries created, changed (with the merge patch from what the source said before) and deleted as read-only entries "
        + "of its origin, left unchanged, kept beside this node's own entries of the same slug, and refused.")
public record SourceImportView(
        @Schema(description = "The source's origin name", enumeration = {"sovereignsky", "publiccode"}) String source,
        @Schema(description = "The version of the source imported, as its evidence cites it", maxLength = URL) String version,
        @Schema(description = "True when nothing was written") boolean dryRun,
        @Schema(description = "Slugs of the entries created", maxItems = SourceResource.ENTRIES_MAX)
        List<@jakarta.validation.constraints.Size(max = SLUG) String> created,
        @Schema(maxItems = SourceResource.ENTRIES_MAX) List<Updated> updated,
        @Schema(description = "Slugs of the entries the source no longer lists, deleted", maxItems = SourceResource.ENTRIES_MAX)
        List<@jakarta.validation.constraints.Size(max = SLUG) String> deleted,
        @Schema(description = "How many entries are as the source said last time", minimum = "0", maximum = INT_MAX) int unchanged,
        @Schema(description = "Slugs this node holds as its own: they stay, and the source's version is kept beside them",
                maxItems = SourceResource.ENTRIES_MAX)
        List<@jakarta.validation.constraints.Size(max = SLUG) String> besideOwn,
        @Schema(maxItems = SourceResource.ENTRIES_MAX) List<Refused> refused) {

    @Schema(name = "SourceImportUpdate")
    public record Updated(
            @Schema(maxLength = SLUG) String key,
            @Schema(type = SchemaType.OBJECT, implementation = Object.class, maxProperties = 64,
                    description = "RFC 7386 merge patch from what the source said last time") JsonNode patch) {
    }

    @Schema(name = "SourceImportRefusal")
    public record Refused(
            @Schema(maxLength = SLUG + 1) String key,
            @Schema(maxItems = 64) List<Problem> errors) {
    }

    @Schema(name = "SourceImportError")
    public record Problem(@Schema(maxLength = 200) String field, @Schema(maxLength = 1000) String message) {
    }

    static SourceImportView of(SourceImport done) {
        return new SourceImportView(done.source(), done.version(), done.dryRun(), done.created(),
                done.updated().stream().map(u -> new Updated(u.key(), u.patch())).toList(), done.deleted(), done.unchanged(),
                done.besideOwn(), done.refused().stream()
                        .map(r -> new Refused(r.key(), r.errors().stream().map(e -> new Problem(e.field(), e.message())).toList()))
                        .toList());
    }
}

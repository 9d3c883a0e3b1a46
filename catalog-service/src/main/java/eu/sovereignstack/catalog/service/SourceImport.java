package eu.sovereignstack.catalog.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import eu.sovereignstack.common.problem.Problem.FieldError;

/**
 * What an import of a public source does, or would do in a dry run: the entries it creates,
 * changes (with the merge patch from what the source said before) and deletes (a complete source
 * no longer lists them), those it leaves unchanged, those this node holds as its own and keeps
 * (the source's version is kept beside them), and those it refuses, with the reasons.
 */
public record SourceImport(String source, String version, boolean dryRun, List<String> created, List<Updated> updated,
        List<String> deleted, int unchanged, List<String> besideOwn, List<Refused> refused) {

    public record Updated(String key, JsonNode patch) {
    }

    public record Refused(String key, List<FieldError> errors) {
    }
}

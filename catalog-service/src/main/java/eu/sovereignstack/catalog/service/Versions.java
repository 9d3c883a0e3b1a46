package eu.sovereignstack.catalog.service;

import java.util.List;
import java.util.Map;

import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemType;

/** The optimistic locking every catalog entry shares: If-Match (412 when stale) and a body's version (409 when stale). */
final class Versions {

    private Versions() {
    }

    /** Refuses a replacement that names no version at all (428): it would overwrite changes it never saw. */
    static void required(String entry, Integer ifMatch, Integer bodyVersion) {
        if (ifMatch == null && bodyVersion == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the " + entry + "'s ETag, or its version in the body, to replace it.");
        }
    }

    /** Checks the versions a change names against the entry's {@code current} one; null names none. */
    static void check(String entry, int current, Integer ifMatch, Integer bodyVersion) {
        if (ifMatch != null && ifMatch != current) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match names version " + ifMatch + " but the " + entry + " is at version " + current + ".",
                    List.of(), Map.of("ETag", "\"" + current + "\""));
        }
        if (bodyVersion != null && bodyVersion != current) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "The change is based on version " + bodyVersion + " but the " + entry + " is at version " + current
                            + "; reload it and apply the change again.",
                    List.of(new FieldError("version", "stale: current version is " + current)),
                    Map.of("ETag", "\"" + current + "\""));
        }
    }
}

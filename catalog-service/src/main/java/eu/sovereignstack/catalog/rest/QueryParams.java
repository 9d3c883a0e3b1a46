package eu.sovereignstack.catalog.rest;

import eu.sovereignstack.common.problem.ProblemException;

/** The If-Match and ETag headers of the catalog's optimistic locking: an entry's version, quoted. */
final class QueryParams {

    private QueryParams() {
    }

    /** The version named by an If-Match header ({@code "3"} or {@code W/"3"}); null when absent or {@code *}. */
    static Integer ifMatchVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag of this API, e.g. \"3\"");
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}

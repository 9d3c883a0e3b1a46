package eu.sovereignstack.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How large a result the service holds whole in memory. */
@ConfigMapping(prefix = "assessment.results")
public interface ResultsConfig {

    /**
     * An inventory of up to this many items is computed in one pass and its result held whole:
     * it may be assessed in its request, compared, re-run and reported. A larger one always runs
     * as a job, in two passes that hold a digest of each item rather than the item, and its result
     * is read as a summary, page by page and as its items.csv export; what needs it whole answers
     * 422.
     */
    @WithDefault("10000")
    int wholeItems();
}

package eu.sovereignstack.assessment.engine.licence;

import java.util.Objects;

/**
 * What the OSADL matrix says about including a subordinate licence in a work under a leading
 * licence, with OSADL's explanation ({@code "n.a."} on the diagonal).
 */
public record Verdict(Compatibility compatibility, String explanation) {

    public Verdict {
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(explanation, "explanation");
    }
}

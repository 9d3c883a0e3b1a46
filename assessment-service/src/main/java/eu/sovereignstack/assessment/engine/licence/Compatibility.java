package eu.sovereignstack.assessment.engine.licence;

import java.util.Arrays;
import java.util.Optional;

/** An OSADL verdict on including software under one licence in a work under another. */
public enum Compatibility {
    YES("Yes"),
    NO("No"),
    /** OSADL has no general answer; the combination needs a case-by-case assessment. */
    UNKNOWN("Unknown"),
    /** Compatible depending on how the parts are combined (e.g. linked, not inserted). */
    CHECK_DEPENDENCY("Check dependency"),
    /** Both are the same licence. */
    SAME("Same");

    private final String osadlValue;

    Compatibility(String osadlValue) {
        this.osadlValue = osadlValue;
    }

    /** The value as spelled in the OSADL matrix. */
    public String osadlValue() {
        return osadlValue;
    }

    public static Optional<Compatibility> fromOsadl(String value) {
        return Arrays.stream(values()).filter(c -> c.osadlValue.equals(value)).findFirst();
    }
}

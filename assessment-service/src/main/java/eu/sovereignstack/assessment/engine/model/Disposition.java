package eu.sovereignstack.assessment.engine.model;

/** What to do with an item, after the usual "R" strategies of cloud migration. */
public enum Disposition {
    /** Keep the same product, run it elsewhere (self-hosted) without changing it. */
    REHOST,
    /** Keep the same product, move it to an EU provider's managed offering. */
    REPLATFORM,
    /** Replace it by an alternative that covers only part of it: integration and process work. */
    REFACTOR,
    /** Replace it by an alternative that covers it fully. */
    REPURCHASE,
    /** Switch it off: nobody uses it. */
    RETIRE,
    /** Keep it as it is. */
    RETAIN;

    public boolean migrates() {
        return this != RETAIN;
    }
}

package eu.sovereignstack.assessment.engine.model;

/** What to do with an item, after the usual "R" strategies of cloud migration. */
public enum Disposition {
    /** Keep the same product, run it elsewhere (self-hosted) without changing it. */
    REHOST(Effort.SMALL),
    /** Keep the same product, move it to an EU provider's managed offering. */
    REPLATFORM(Effort.MEDIUM),
    /** Replace it by an alternative that covers only part of it: integration and process work. */
    REFACTOR(Effort.LARGE),
    /** Replace it by an alternative that covers it fully. */
    REPURCHASE(Effort.MEDIUM),
    /** Switch it off: nobody uses it. */
    RETIRE(Effort.SMALL),
    /** Keep it as it is. */
    RETAIN(null);

    private final Effort baseEffort;

    Disposition(Effort baseEffort) {
        this.baseEffort = baseEffort;
    }

    /** The effort before adjusting for users, criticality, data and dependents; null for RETAIN. */
    public Effort baseEffort() {
        return baseEffort;
    }

    public boolean migrates() {
        return this != RETAIN;
    }
}

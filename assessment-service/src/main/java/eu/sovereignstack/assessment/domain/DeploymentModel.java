package eu.sovereignstack.assessment.domain;

/** How the organisation runs an item. */
public enum DeploymentModel {
    /** On infrastructure the organisation controls. */
    SELF_HOSTED,
    /** Software-as-a-service run by its vendor. */
    SAAS,
    /** Run for the organisation by a provider (the inventory names which one and where). */
    MANAGED
}

package eu.sovereignstack.catalog.contract;

/** How a product can be used. */
public enum DeploymentModel {
    /** Installed and run by the organisation on infrastructure it controls. */
    SELF_HOSTED,
    /** Used as software-as-a-service run by its vendor. */
    SAAS,
    /** Run for the organisation by a provider, on dedicated or provider infrastructure. */
    MANAGED
}

package eu.sovereignstack.catalog.domain;

import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Governance;
import eu.sovereignstack.catalog.contract.ProductKind;

/**
 * The filters of a product search; a null filter does not restrict. {@code text} matches
 * name or description, case-insensitively.
 */
public record ProductSearch(
        String category,
        ProductKind kind,
        String licenceId,
        Boolean openSource,
        Governance governance,
        String stewardCountry,
        Boolean euJurisdiction,
        String standard,
        DeploymentModel deploymentModel,
        String text) {
}

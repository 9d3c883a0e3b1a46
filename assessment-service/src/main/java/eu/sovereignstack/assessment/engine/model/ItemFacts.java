package eu.sovereignstack.assessment.engine.model;

import java.time.LocalDate;
import java.util.List;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.common.licence.LicenceFamily;

/**
 * What the rules know about one item as the organisation uses it: catalog facts combined with
 * the inventory's usage. A null fact is unknown; unknown facts are never read as good.
 *
 * @param governance       FOUNDATION, COMMUNITY, SINGLE_VENDOR or PROPRIETARY_VENDOR
 * @param operatorEu       whether who operates it (the organisation, the SaaS vendor, the provider) is in the EU/EEA
 * @param dataInEu         whether all its data locations are in the EU/EEA
 * @param standards        open standards it speaks
 * @param euProviders      independent EU/EEA providers offering it as a managed service
 * @param certifications   of the product and, for a managed service, of its provider
 * @param environmentKnown whether energy and environmental facts are known (the catalog has none yet)
 * @param asOf             the day the facts are judged on (how old a release is)
 */
public record ItemFacts(
        boolean known,
        String name,
        LicenceFamily licenceFamily,
        Boolean openSource,
        String governance,
        String stewardCountry,
        Boolean stewardEu,
        DeploymentModel deployment,
        String operatorCountry,
        Boolean operatorEu,
        Boolean dataInEu,
        List<String> standards,
        Integer euProviders,
        List<String> certifications,
        LocalDate latestRelease,
        Double scorecard,
        boolean environmentKnown,
        DataClassification dataClassification,
        Criticality criticality,
        LocalDate asOf) {

    public boolean operatedByOthers() {
        return deployment != DeploymentModel.SELF_HOSTED;
    }

    public boolean proprietary() {
        return Boolean.FALSE.equals(openSource);
    }

    public boolean open() {
        return Boolean.TRUE.equals(openSource);
    }
}

package eu.sovereignstack.assessment.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.catalog.contract.Energy;
import eu.sovereignstack.catalog.contract.KeyCustody;
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
 * @param asOf             the day the facts are judged on (how old a release is)
 * @param stewardParent    who controls the steward in the end, when known and not the steward itself
 * @param operatorParent   who controls the operator in the end, when known and not the operator itself
 * @param keyCustody       the strongest key option of the offering used (managed services)
 * @param hsm              whether the offering keeps keys in a hardware security module
 * @param energy           the energy facts of whoever runs the data centre (provider or organisation)
 * @param contributors     distinct contributors to the project in the last twelve months
 * @param topOrganisationShare share of those twelve months' commits by the most active organisation
 * @param sources          the facts behind each {@code Fact} (by name), with their evidence, for the findings
 * @param registry         for a package the catalog does not know: the public registry its purl names
 *                         (Maven Central, npm, ...), null when it names none or a private one
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
        DataClassification dataClassification,
        Criticality criticality,
        LocalDate asOf,
        String stewardParent,
        String stewardParentCountry,
        String operatorParent,
        String operatorParentCountry,
        KeyCustody keyCustody,
        Boolean hsm,
        Energy energy,
        Integer contributors,
        Double topOrganisationShare,
        Map<String, List<FindingFact>> sources,
        String registry) {

    public ItemFacts {
        sources = sources == null ? Map.of() : sources;
    }

    /** Facts of an item that is no package of a public registry. */
    public ItemFacts(boolean known, String name, LicenceFamily licenceFamily, Boolean openSource, String governance,
            String stewardCountry, Boolean stewardEu, DeploymentModel deployment, String operatorCountry, Boolean operatorEu,
            Boolean dataInEu, List<String> standards, Integer euProviders, List<String> certifications, LocalDate latestRelease,
            Double scorecard, DataClassification dataClassification, Criticality criticality, LocalDate asOf,
            String stewardParent, String stewardParentCountry, String operatorParent, String operatorParentCountry,
            KeyCustody keyCustody, Boolean hsm, Energy energy, Integer contributors, Double topOrganisationShare,
            Map<String, List<FindingFact>> sources) {
        this(known, name, licenceFamily, openSource, governance, stewardCountry, stewardEu, deployment, operatorCountry, operatorEu,
                dataInEu, standards, euProviders, certifications, latestRelease, scorecard, dataClassification, criticality, asOf,
                stewardParent, stewardParentCountry, operatorParent, operatorParentCountry, keyCustody, hsm, energy, contributors,
                topOrganisationShare, sources, null);
    }

    /** A package the catalog does not know, from a public registry, under an open licence: anyone can obtain and keep it. */
    public boolean openPublicPackage() {
        return !known && registry != null && open();
    }

    /** Facts without ownership, key, energy, contributor or evidence facts: what an item without them states. */
    public ItemFacts(boolean known, String name, LicenceFamily licenceFamily, Boolean openSource, String governance,
            String stewardCountry, Boolean stewardEu, DeploymentModel deployment, String operatorCountry, Boolean operatorEu,
            Boolean dataInEu, List<String> standards, Integer euProviders, List<String> certifications, LocalDate latestRelease,
            Double scorecard, Energy energy, DataClassification dataClassification, Criticality criticality,
            LocalDate asOf) {
        this(known, name, licenceFamily, openSource, governance, stewardCountry, stewardEu, deployment, operatorCountry,
                operatorEu, dataInEu, standards, euProviders, certifications, latestRelease, scorecard,
                dataClassification, criticality, asOf, null, null, null, null, null, null, energy, null, null, Map.of());
    }

    /** Whether the PUE and the renewable share of whoever runs its data centre are both known. */
    public boolean environmentKnown() {
        return energy != null && energy.pue() != null && energy.renewableShare() != null;
    }

    /** The facts behind one of the rules' facts; empty when none were recorded. */
    public List<FindingFact> sourcesOf(String fact) {
        return sources.getOrDefault(fact, List.of());
    }

    /** The steward's country, and the parent's when another country controls it: the law it answers to. */
    public String stewardLaw() {
        return law(stewardCountry, stewardParent, stewardParentCountry);
    }

    /** The operator's country, and the parent's when another country controls it. */
    public String operatorLaw() {
        return law(operatorCountry, operatorParent, operatorParentCountry);
    }

    private static String law(String country, String parent, String parentCountry) {
        if (parentCountry == null || parentCountry.equals(country)) {
            return country;
        }
        return country + ", controlled from " + parentCountry + " by " + parent;
    }

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

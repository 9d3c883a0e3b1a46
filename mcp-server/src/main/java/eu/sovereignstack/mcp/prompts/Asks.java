package eu.sovereignstack.mcp.prompts;

import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;

/** The common asks, written once so an assistant uses the tools the way an architect would defend. */
@Singleton
public class Asks {

    @Prompt(name = "assess_sbom", title = "Assess this SBOM",
            description = "Assess a CycloneDX SBOM and explain its weakest points, with the evidence behind each.")
    public List<PromptMessage> assessSbom(
            @PromptArg(name = "sbom", description = "The CycloneDX SBOM (JSON or XML)") String sbom,
            @PromptArg(name = "organisation", description = "The organisation's name (used when the SBOM names no supplier)",
                    required = false) String organisation) {
        String format = sbom != null && sbom.stripLeading().startsWith("<") ? "sbom_xml" : "sbom";
        return List.of(PromptMessage.withUserRole("""
                Assess the CycloneDX SBOM below with the assess_inventory tool (format %s%s). If it runs as a job, follow it \
                with get_assessment until it is done. Then:
                1. Give the organisation's score, SEAL level and confidence, and the level of each objective SOV-1..SOV-8.
                2. For the three weakest items, call explain_item and say why each objective has its level: quote the \
                findings and the facts behind them with their sources and dates; say which facts are unknown.
                3. Name the best alternative for each of them and what it would do to the levels (explain_item's plan).
                4. Summarise the waves and licence issues (get_migration_plan).
                Only state what the tools answered.

                %s""".formatted(format, organisation == null || organisation.isBlank() ? ""
                        : ", organisation \"" + organisation.strip() + "\"", sbom)));
    }

    @Prompt(name = "plan_vendor_exit", title = "Plan our exit from a vendor",
            description = "Plan the exit from a vendor's products in an assessed estate: alternatives, effect on the levels, waves.")
    public List<PromptMessage> planVendorExit(
            @PromptArg(name = "vendor", description = "The vendor or product to leave, e.g. Okta or Microsoft 365") String vendor,
            @PromptArg(name = "assessment", description = "The id of an assessment of our estate", required = false)
            String assessment) {
        String estate = assessment == null || assessment.isBlank()
                ? "We have no assessment yet: say which inventory to assess (assess_inventory) and plan from the catalog alone."
                : "Our estate is assessment " + assessment.strip() + ": read it with get_assessment and get_migration_plan, and "
                        + "explain_item for each item of this vendor.";
        return List.of(PromptMessage.withUserRole("""
                We want to leave %s. Use the catalog (search_catalog, get_product, find_alternatives) to list what can \
                replace each of its products, with licence, governance, jurisdiction and the evidence of each fact. %s
                For each item to replace, give the recommended alternative, what it does to each objective's level \
                (SOV-1..SOV-8) and the score, the effort, and the wave it belongs to, in dependency order. Name the \
                facts that are unknown and what would settle them. Only state what the tools answered.""".formatted(vendor, estate)));
    }
}

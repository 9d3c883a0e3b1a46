package eu.sovereignstack.assessment.engine.rules;

import java.util.List;

import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.ItemScore;

/**
 * What decides an item's plan: the item, whether the catalog knows it, its score, its ranked
 * options (best first), the threshold below which it migrates and how many items depend on it.
 */
public record PlanCase(InventoryItem item, boolean inCatalog, ItemScore score, List<AlternativeOption> options, double threshold,
        int dependents) {

    /** The best option; only read by rules that apply when there is one. */
    AlternativeOption best() {
        return options.get(0);
    }
}

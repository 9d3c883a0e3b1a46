package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import eu.sovereignstack.assessment.domain.Limits;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemMisses;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.ItemResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.OrganisationResult;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.PolicyGate;
import eu.sovereignstack.assessment.engine.model.AssessmentResult.PolicyMiss;
import eu.sovereignstack.assessment.engine.model.Policy;
import eu.sovereignstack.assessment.engine.model.SovereigntyObjective;

/**
 * The policy gate: the organisation and every item against the minimum SEAL level per
 * objective (an application or service with its libraries), and for each item that misses, the alternatives whose levels would meet every
 * minimum: all of them, in ranking order, not only those the item's plan shows.
 */
final class PolicyCheck {

    private PolicyCheck() {
    }

    /** {@code options}: every way out of each item that gains, by item id, best first. */
    static PolicyGate gate(Policy policy, OrganisationResult organisation, List<ItemResult> items,
            Map<String, List<AlternativeOption>> options) {
        Map<SovereigntyObjective, Integer> minimum = policy.minimumSeal();
        List<PolicyMiss> organisationMisses = misses(minimum, organisation.levels());
        List<ItemMisses> itemMisses = new ArrayList<>();
        for (ItemResult item : items) {
            List<PolicyMiss> misses = misses(minimum, Libraries.counted(item));
            if (!misses.isEmpty()) {
                List<String> meeting = options.getOrDefault(item.id(), List.of()).stream()
                        .filter(option -> misses(minimum, option.levelsAfter()).isEmpty())
                        .map(AlternativeOption::product)
                        .distinct()
                        .limit(Limits.ALTERNATIVES)
                        .toList();
                itemMisses.add(new ItemMisses(item.id(), item.name(), misses, meeting));
            }
        }
        return new PolicyGate(minimum, organisationMisses.isEmpty() && itemMisses.isEmpty(), organisationMisses, itemMisses);
    }

    private static List<PolicyMiss> misses(Map<SovereigntyObjective, Integer> minimum, Map<SovereigntyObjective, Integer> levels) {
        List<PolicyMiss> misses = new ArrayList<>();
        for (SovereigntyObjective objective : new TreeSet<>(minimum.keySet())) {
            int level = levels.getOrDefault(objective, 0);
            if (level < minimum.get(objective)) {
                misses.add(new PolicyMiss(objective, level, minimum.get(objective)));
            }
        }
        return misses;
    }
}

package eu.sovereignstack.assessment.engine;

import java.util.ArrayList;
import java.util.List;

import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.Effort;
import eu.sovereignstack.assessment.engine.model.ItemPlan;
import eu.sovereignstack.assessment.engine.rules.DispositionRule;
import eu.sovereignstack.assessment.engine.rules.EffortRule;
import eu.sovereignstack.assessment.engine.rules.PlanCase;

/**
 * An item's plan from the rule tables: the disposition the first {@link DispositionRule} that
 * holds decides, then the effort its {@link EffortRule#BASE} starts at, one size larger for each
 * {@link EffortRule} that holds. Every step adds its reason.
 */
final class ItemPlanner {

    private ItemPlanner() {
    }

    static ItemPlan plan(PlanCase plan) {
        DispositionRule rule = DispositionRule.decide(plan);
        List<String> reasons = new ArrayList<>(rule.reasons(plan));
        AlternativeOption chosen = rule.switches() ? plan.options().get(0) : null;
        Effort effort = EffortRule.BASE.get(rule.disposition());
        if (effort != null) {
            for (EffortRule adjustment : EffortRule.values()) {
                if (adjustment.appliesTo(plan)) {
                    reasons.add(adjustment.reason(plan));
                    effort = effort.larger();
                }
            }
        }
        return new ItemPlan(rule.disposition(), effort, effort == null ? 0 : effort.points(), reasons, plan.options(), chosen);
    }
}

package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.sovereignstack.assessment.domain.Criticality;
import eu.sovereignstack.assessment.domain.DataClassification;
import eu.sovereignstack.assessment.domain.Deployment;
import eu.sovereignstack.catalog.contract.DeploymentModel;
import eu.sovereignstack.assessment.domain.InventoryItem;
import eu.sovereignstack.assessment.domain.Usage;
import eu.sovereignstack.assessment.engine.model.AlternativeOption;
import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.Effort;
import eu.sovereignstack.assessment.engine.model.ItemPlan;
import eu.sovereignstack.assessment.engine.model.ItemScore;
import eu.sovereignstack.assessment.engine.rules.PlanCase;

/** Dispositions and efforts, one row per case. */
class ItemPlanTest {

    private static AlternativeOption option(String fit, DeploymentModel model) {
        return new AlternativeOption("jitsi-meet", "Jitsi Meet", fit, new Deployment(model, "OVHcloud", "FR", List.of("FR")), 80, 3,
                Map.of(), 60, 0.5, 0.5, 0.8, false, "Apache-2.0", List.of("because"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                      | users | score | known | option fit    | option model | criticality | data         | dependents | disposition | effort
            "unused                      | 0     | 10    | true  | FULL          | SELF_HOSTED  | LOW         | PUBLIC       | 0          | RETIRE      | SMALL",
            "good enough                 | 50    | 75    | true  | FULL          | SELF_HOSTED  | LOW         | PUBLIC       | 0          | RETAIN      | ",
            "not in the catalog          | 50    | 40    | false |               |              | LOW         | PUBLIC       | 0          | RETAIN      | ",
            "no better option            | 50    | 40    | true  |               |              | LOW         | PUBLIC       | 0          | RETAIN      | ",
            "full alternative            | 50    | 15    | true  | FULL          | SELF_HOSTED  | LOW         | PUBLIC       | 0          | REPURCHASE  | MEDIUM",
            "partial alternative         | 50    | 15    | true  | PARTIAL       | SELF_HOSTED  | LOW         | PUBLIC       | 0          | REFACTOR    | LARGE",
            "same category               | 50    | 15    | true  | SAME_CATEGORY | SELF_HOSTED  | LOW         | PUBLIC       | 0          | REFACTOR    | LARGE",
            "same product, EU provider   | 50    | 40    | true  | SAME_PRODUCT  | MANAGED      | LOW         | PUBLIC       | 0          | REPLATFORM  | MEDIUM",
            "same product, in house      | 50    | 40    | true  | SAME_PRODUCT  | SELF_HOSTED  | LOW         | PUBLIC       | 0          | REHOST      | SMALL",
            "many users                  | 5000  | 15    | true  | FULL          | SELF_HOSTED  | LOW         | PUBLIC       | 0          | REPURCHASE  | LARGE",
            "very many users             | 50000 | 15    | true  | FULL          | SELF_HOSTED  | LOW         | PUBLIC       | 0          | REPURCHASE  | EXTRA_LARGE",
            "critical and secret         | 50    | 15    | true  | FULL          | SELF_HOSTED  | CRITICAL    | SECRET       | 0          | REPURCHASE  | EXTRA_LARGE",
            "many dependents             | 50    | 15    | true  | PARTIAL       | SELF_HOSTED  | LOW         | INTERNAL     | 3          | REFACTOR    | EXTRA_LARGE",
            "capped at extra large       | 50000 | 15    | true  | PARTIAL       | SELF_HOSTED  | CRITICAL    | CONFIDENTIAL | 9          | REFACTOR    | EXTRA_LARGE"})
    void planOf(String name, int users, double score, boolean known, String fit, DeploymentModel model, Criticality criticality,
            DataClassification data, int dependents, Disposition disposition, Effort effort) {
        InventoryItem item = new InventoryItem("x", "Zoom", null, null, null, null, null, users, data, criticality, Usage.INTERNAL, null);
        ItemScore itemScore = new ItemScore(Map.of(), 1, score, 1.0, List.of(), List.of());
        List<AlternativeOption> options = fit == null ? List.of() : List.of(option(fit, model));
        ItemPlan plan = ItemPlanner.plan(new PlanCase(item, known, itemScore, options, 70, dependents));

        assertEquals(disposition, plan.disposition(), plan.reasons().toString());
        assertEquals(effort, plan.effort(), plan.reasons().toString());
        assertEquals(effort == null ? 0 : effort.points(), plan.effortPoints());
        assertTrue(!plan.reasons().isEmpty());
        if (disposition == Disposition.RETAIN || disposition == Disposition.RETIRE) {
            assertNull(plan.chosen());
        } else {
            assertEquals("jitsi-meet", plan.chosen().product());
        }
    }
}

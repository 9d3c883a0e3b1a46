package eu.sovereignstack.assessment.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void minimumsAreInObjectiveOrderWhateverOrderTheyCameIn() {
        Map<SovereigntyObjective, Integer> asked = new LinkedHashMap<>();
        asked.put(SovereigntyObjective.SOV_8, 1);
        asked.put(SovereigntyObjective.SOV_3, 3);
        asked.put(SovereigntyObjective.SOV_1, 2);
        asked.put(SovereigntyObjective.SOV_5, 4);

        Policy policy = new Policy(asked);

        assertEquals(List.of(SovereigntyObjective.SOV_1, SovereigntyObjective.SOV_3, SovereigntyObjective.SOV_5,
                SovereigntyObjective.SOV_8), List.copyOf(policy.minimumSeal().keySet()));
        assertEquals(asked, policy.minimumSeal());
        assertThrows(UnsupportedOperationException.class, () -> policy.minimumSeal().put(SovereigntyObjective.SOV_2, 1));
    }

    @Test
    void aMissingMinimumIsRefusedAsBefore() {
        Map<SovereigntyObjective, Integer> asked = new HashMap<>();
        asked.put(SovereigntyObjective.SOV_2, null);
        assertThrows(NullPointerException.class, () -> new Policy(asked));
    }
}

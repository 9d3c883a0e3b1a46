package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import eu.sovereignstack.assessment.engine.model.Disposition;
import eu.sovereignstack.assessment.engine.model.Effort;
import eu.sovereignstack.assessment.engine.model.MigrationWave;

class WavePlannerTest {

    private static WavePlanner.Node migrating(String id, Effort effort, double gain, String... dependsOn) {
        return new WavePlanner.Node(id, Arrays.asList(dependsOn),
                new MigrationWave.WaveItem(id, id, Disposition.REPURCHASE, effort, "target", gain));
    }

    private static WavePlanner.Node retained(String id, String... dependsOn) {
        return new WavePlanner.Node(id, Arrays.asList(dependsOn), null);
    }

    private static List<List<String>> ids(List<MigrationWave> waves) {
        List<List<String>> ids = new ArrayList<>();
        waves.forEach(wave -> ids.add(wave.items().stream().map(MigrationWave.WaveItem::id).toList()));
        return ids;
    }

    @Test
    void whatOthersDependOnGoesFirst() {
        List<MigrationWave> waves = WavePlanner.plan(List.of(
                migrating("mail", Effort.LARGE, 40, "identity"),
                migrating("identity", Effort.MEDIUM, 50),
                migrating("chat", Effort.SMALL, 30, "identity", "mail")));
        assertEquals(List.of(List.of("identity"), List.of("mail"), List.of("chat")), ids(waves));
        assertEquals(List.of(1, 2, 3), waves.stream().map(MigrationWave::number).toList());
        assertEquals(List.of(2, 6, 7), waves.stream().map(MigrationWave::cumulativeEffort).toList());
    }

    @Test
    void aDiamondPutsBothMiddlesInOneWave() {
        List<MigrationWave> waves = WavePlanner.plan(List.of(
                migrating("top", Effort.SMALL, 1, "left", "right"),
                migrating("left", Effort.SMALL, 1, "base"),
                migrating("right", Effort.SMALL, 1, "base"),
                migrating("base", Effort.SMALL, 1)));
        assertEquals(List.of(List.of("base"), List.of("left", "right"), List.of("top")), ids(waves));
    }

    @Test
    void quickWinsComeFirstInsideAWave() {
        List<MigrationWave> waves = WavePlanner.plan(List.of(
                migrating("big", Effort.EXTRA_LARGE, 80),
                migrating("small-low", Effort.SMALL, 10),
                migrating("small-high", Effort.SMALL, 60),
                migrating("medium", Effort.MEDIUM, 90)));
        assertEquals(List.of(List.of("small-high", "small-low", "medium", "big")), ids(waves));
        assertEquals(12, waves.get(0).effort());
    }

    @Test
    void retainedItemsTakeNoWaveButStillOrderTheOthers() {
        List<MigrationWave> waves = WavePlanner.plan(List.of(
                migrating("app", Effort.SMALL, 5, "database"),
                retained("database", "storage"),
                migrating("storage", Effort.MEDIUM, 5)));
        assertEquals(List.of(List.of("storage"), List.of("app")), ids(waves));
        assertEquals(List.of(1, 2), waves.stream().map(MigrationWave::number).toList());
    }

    @Test
    void aCycleIsNamedInOrder() {
        DependencyCycleException e = assertThrows(DependencyCycleException.class, () -> WavePlanner.plan(List.of(
                migrating("a", Effort.SMALL, 1, "b"),
                migrating("b", Effort.SMALL, 1, "c"),
                migrating("c", Effort.SMALL, 1, "a"),
                migrating("d", Effort.SMALL, 1))));
        assertEquals(List.of("a", "b", "c", "a"), e.cycle());
        assertTrue(e.getMessage().contains("a -> b -> c -> a"));
    }

    @Test
    void aSelfDependencyIsACycle() {
        DependencyCycleException e = assertThrows(DependencyCycleException.class,
                () -> WavePlanner.plan(List.of(migrating("x", Effort.SMALL, 1, "x"))));
        assertEquals(List.of("x", "x"), e.cycle());
    }

    @Test
    void aLongChainNeedsOneWavePerLink() {
        List<WavePlanner.Node> chain = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            chain.add(i == 0 ? migrating("n0", Effort.SMALL, 1) : migrating("n" + i, Effort.SMALL, 1, "n" + (i - 1)));
        }
        List<MigrationWave> waves = WavePlanner.plan(chain);
        assertEquals(500, waves.size());
        assertEquals("n499", waves.get(499).items().get(0).id());
    }
}

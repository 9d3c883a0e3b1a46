package eu.sovereignstack.assessment.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The rules version covers every class that decides a result, and tells weights apart. */
class RulesVersionTest {

    private static final Path ENGINE = Path.of("target/classes/eu/sovereignstack/assessment/engine");
    /** Engine classes that present or compare results, but compute none. */
    private static final Set<String> PRESENTATION = Set.of("Reports", "Comparisons", "RulesVersion");

    @Test
    void everyClassOfTheEngineItsRulesAndItsLicenceCheckIsFingerprinted() throws IOException {
        Set<String> covered = new TreeSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(RulesVersion.CODE);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (covered.add(type.getName())) {
                pending.addAll(List.of(type.getDeclaredClasses()));
            }
        }
        Set<String> compiled;
        try (Stream<Path> files = Stream.of(ENGINE, ENGINE.resolve("rules"), ENGINE.resolve("licence"))
                .flatMap(RulesVersionTest::classFiles)) {
            compiled = files.map(file -> "eu.sovereignstack.assessment." + ENGINE.relativize(file).toString()
                            .replace('/', '.').replaceFirst("^", "engine.").replaceAll("\\.class$", ""))
                    .filter(name -> !name.matches(".*\\$\\d+$"))
                    .filter(name -> !PRESENTATION.contains(name.substring(name.lastIndexOf('.') + 1).replaceAll("\\$.*", "")))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        compiled.removeAll(covered);
        assertEquals(Set.of(), compiled, "classes that decide a result but are not in RulesVersion.CODE");
    }

    @Test
    void theVersionIsStableAndDependsOnTheWeights() {
        String csf = RulesVersion.of(SovereigntyScorerTest.CSF.weights());
        assertTrue(csf.matches("[0-9a-f]{12}"), csf);
        assertEquals(csf, RulesVersion.of(SovereigntyScorerTest.CSF.weights()));
        assertNotEquals(csf, RulesVersion.of(SovereigntyScorerTest.weights(10, 20, 20, 10, 15, 10, 12, 3)));
    }

    private static Stream<Path> classFiles(Path directory) {
        try {
            return Files.list(directory).filter(file -> file.toString().endsWith(".class")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package eu.sovereignstack.deploy;

import org.junit.jupiter.api.Assertions;

import java.util.List;
import java.util.stream.Stream;

/** Assertions over lists of problems, with every problem in the failure message. */
final class Problems {

    private Problems() {
    }

    static Stream<String> overlays() {
        return Repo.OVERLAYS.stream();
    }

    static void assertNone(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            Assertions.fail(what + ": " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }

    /** For the tests of the checks: the check found a problem mentioning every fragment. */
    static void assertReported(List<String> problems, String... fragments) {
        boolean found = problems.stream().anyMatch(p -> Stream.of(fragments).allMatch(p::contains));
        if (!found) {
            Assertions.fail("expected a problem mentioning " + List.of(fragments) + ", got " + problems);
        }
    }
}

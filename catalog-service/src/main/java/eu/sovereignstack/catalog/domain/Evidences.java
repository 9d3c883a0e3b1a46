package eu.sovereignstack.catalog.domain;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.catalog.contract.Evidence;

/** The evidence of an entry's facts, kept in one order: the order its facts are listed in. */
public final class Evidences {

    private Evidences() {
    }

    /** The evidence in the order of {@code facts} (names outside it last, by name); never null. */
    public static Map<String, Evidence> ordered(Map<String, Evidence> evidence, List<String> facts) {
        if (evidence == null || evidence.isEmpty()) {
            return Map.of();
        }
        Map<String, Evidence> ordered = new LinkedHashMap<>();
        evidence.keySet().stream()
                .sorted(Comparator.comparingInt((String fact) -> facts.contains(fact) ? facts.indexOf(fact) : facts.size())
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(fact -> ordered.put(fact, evidence.get(fact)));
        return Collections.unmodifiableMap(ordered);
    }

    /** The names in {@code evidence} that are not facts of the entry. */
    public static List<String> unknownFacts(Map<String, Evidence> evidence, List<String> facts) {
        return evidence == null ? List.of() : evidence.keySet().stream().filter(f -> !facts.contains(f)).sorted().toList();
    }
}

package eu.sovereignstack.assessment.engine;

import java.util.List;

/** The inventory's dependsOn graph has a cycle, so no migration order exists. */
public class DependencyCycleException extends RuntimeException {

    private final List<String> cycle;

    public DependencyCycleException(List<String> cycle) {
        super("dependsOn has a cycle: " + String.join(" -> ", cycle), null, false, false);
        this.cycle = List.copyOf(cycle);
    }

    /** The item ids along the cycle, the first repeated at the end. */
    public List<String> cycle() {
        return cycle;
    }
}

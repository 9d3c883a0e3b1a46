package eu.sovereignstack.assessment.engine.licence;

import java.util.List;
import java.util.Objects;

import eu.sovereignstack.assessment.domain.Usage;

/**
 * One component of a target stack as the licence check sees it.
 *
 * @param itemId    the inventory item's id
 * @param name      a name for messages; the id when absent
 * @param licence   an SPDX licence expression, or {@code null} when unknown
 * @param usage     how the component reaches others
 * @param dependsOn ids of the items it includes or links (ids outside the stack are ignored)
 */
public record StackComponent(String itemId, String name, String licence, Usage usage, List<String> dependsOn) {

    public StackComponent {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(usage, "usage");
        name = name == null || name.isBlank() ? itemId : name;
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().filter(Objects::nonNull).toList();
    }
}

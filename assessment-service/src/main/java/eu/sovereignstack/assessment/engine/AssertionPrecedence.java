package eu.sovereignstack.assessment.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolvedProduct;

/**
 * Whose facts an assessment uses when several federation members assert facts about one product
 * (the entry the catalog shows and its {@link ProductView#assertions()}): the assessing
 * organisation's own member's first; else the assertion with the most recent {@code factsAsOf};
 * on a tie, or when none states a date, the entry the catalog shows. The item's result names the
 * one used ({@code factsFrom}).
 */
final class AssertionPrecedence {

    private static final Comparator<ProductView> MOST_RECENT = Comparator.comparing(ProductView::factsAsOf,
            Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));

    private AssertionPrecedence() {
    }

    /** The products, each as the assertion this member's assessment uses. */
    static Map<String, ResolvedProduct> apply(Map<String, ResolvedProduct> products, String member) {
        Map<String, ResolvedProduct> chosen = new LinkedHashMap<>();
        products.forEach((slug, resolved) -> chosen.put(slug, resolved.product() == null || resolved.product().assertions().isEmpty()
                ? resolved
                : resolved.withProduct(preferred(resolved.product(), member))));
        return chosen;
    }

    /** The assertion used: the member's own, else the most recent, else the one shown; without the others. */
    static ProductView preferred(ProductView shown, String member) {
        List<ProductView> candidates = new ArrayList<>();
        candidates.add(shown.withAssertions(List.of()));
        candidates.addAll(shown.assertions());
        return candidates.stream()
                .filter(candidate -> member != null && candidate.origin() != null && Objects.equals(member, candidate.origin().member()))
                .findFirst()
                .orElseGet(() -> mostRecent(candidates));
    }

    /** The first candidate of the latest date: the one shown wins a tie. */
    private static ProductView mostRecent(List<ProductView> candidates) {
        ProductView best = candidates.get(0);
        for (ProductView candidate : candidates) {
            if (MOST_RECENT.compare(candidate, best) > 0) {
                best = candidate;
            }
        }
        return best;
    }
}

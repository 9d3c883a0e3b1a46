package eu.sovereignstack.catalog.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.contract.MatchedBy;
import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductMatcher;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.OfferingRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * Recognises a batch of inventory items as catalog products. The catalog is read in three
 * queries whatever the batch size (all products, the alternatives of the matched ones, the
 * offerings of every product in the result), and every item is matched in memory. The result
 * holds every matched product, their alternatives and open category peers, and the product each
 * of these is based on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ResolveService {

    private final ProductRepository products;
    private final AlternativeRepository alternatives;
    private final OfferingRepository offerings;

    ResolveService(ProductRepository products, AlternativeRepository alternatives, OfferingRepository offerings) {
        this.products = products;
        this.alternatives = alternatives;
        this.offerings = offerings;
    }

    public Resolution resolve(List<Resolution.Item> items) {
        check(items);
        List<Product> catalog = products.list("order by slug");
        Map<String, Product> bySlug = catalog.stream().collect(Collectors.toMap(p -> p.slug, Function.identity()));
        ProductMatcher matcher = ProductMatcher.of(catalog.stream()
                .map(p -> new ProductMatcher.Candidate(p.slug, p.name, p.aliases, p.purls))
                .toList());

        List<Resolution.Match> matches = new ArrayList<>(items.size());
        Set<Product> matched = new LinkedHashSet<>();
        for (Resolution.Item item : items) {
            ProductMatcher.Match match = matcher.match(item.slug(), item.purl(), item.name());
            matches.add(new Resolution.Match(item.ref(), match.slug(), match.matchedBy()));
            if (match.matchedBy() != MatchedBy.NONE) {
                matched.add(bySlug.get(match.slug()));
            }
        }

        Map<Product, List<Alternative>> alternativesOf = alternatives.replacingAny(ids(matched)).stream()
                .collect(Collectors.groupingBy(a -> bySlug.get(a.replaces.slug), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Product>> openByCategory = catalog.stream().filter(p -> p.openSource)
                .collect(Collectors.groupingBy(p -> p.category));
        Map<Product, List<String>> peersOf = new HashMap<>();
        Set<Product> involved = new LinkedHashSet<>(matched);
        for (Product product : matched) {
            alternativesOf.getOrDefault(product, List.of()).forEach(a -> involved.add(bySlug.get(a.product.slug)));
            List<Product> peers = openByCategory.getOrDefault(product.category, List.of()).stream()
                    .filter(p -> p != product)
                    .toList();
            involved.addAll(peers);
            peersOf.put(product, peers.stream().map(p -> p.slug).toList());
        }
        // A service based on an open product keeps that product's facts: its base is read from the same answer.
        List.copyOf(involved).stream()
                .filter(p -> p.basedOn != null && bySlug.containsKey(p.basedOn))
                .forEach(p -> involved.add(bySlug.get(p.basedOn)));
        Map<Product, List<Offering>> offeringsOf = offerings.byProducts(ids(involved)).stream()
                .collect(Collectors.groupingBy(o -> bySlug.get(o.product.slug)));

        Map<String, Resolution.Involved> resolved = new LinkedHashMap<>();
        for (Product product : involved) {
            resolved.put(product.slug, new Resolution.Involved(product,
                    alternativesOf.getOrDefault(product, List.of()),
                    offeringsOf.getOrDefault(product, List.of()),
                    peersOf.getOrDefault(product, List.of())));
        }
        return new Resolution(matches, resolved);
    }

    /** Refs are unique, and every item names its product somehow; all offending items are reported at once. */
    private static void check(List<Resolution.Item> items) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Resolution.Item item = items.get(i);
            Integer earlier = firstIndex.putIfAbsent(item.ref(), i);
            if (earlier != null) {
                errors.add(new FieldError("items[" + i + "].ref", "duplicates items[" + earlier + "].ref"));
            }
            if (isBlank(item.slug()) && isBlank(item.purl()) && isBlank(item.name())) {
                errors.add(new FieldError("items[" + i + "]", "needs at least one of slug, purl and name"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static List<Long> ids(Set<Product> products) {
        return products.stream().map(p -> p.id).toList();
    }
}

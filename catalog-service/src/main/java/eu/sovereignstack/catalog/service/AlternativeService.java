package eu.sovereignstack.catalog.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.catalog.rest.AlternativeInput;
import eu.sovereignstack.catalog.rest.AlternativeView;
import eu.sovereignstack.common.problem.ProblemException;

/** The "alternative to" relations between products. */
@ApplicationScoped
@Transactional
public class AlternativeService {

    private final ProductRepository products;
    private final AlternativeRepository alternatives;

    AlternativeService(ProductRepository products, AlternativeRepository alternatives) {
        this.products = products;
        this.alternatives = alternatives;
    }

    /** What can replace the product, or empty when there is no such product. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AlternativeView>> replacing(String slug) {
        return products.findBySlug(slug).map(product -> alternatives.replacing(product).stream()
                .map(a -> new AlternativeView(ProductMapper.toSummary(a.product), a.fit, a.notes))
                .toList());
    }

    /** What the product can replace, or empty when there is no such product. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<AlternativeView>> replacedBy(String slug) {
        return products.findBySlug(slug).map(product -> alternatives.replacedBy(product).stream()
                .map(a -> new AlternativeView(ProductMapper.toSummary(a.replaces), a.fit, a.notes))
                .toList());
    }

    /** Records that {@code input.alternative()} can replace {@code slug}; empty when {@code slug} is unknown. */
    public Optional<AlternativeView> add(String slug, AlternativeInput input) {
        return products.findBySlug(slug).map(replaced -> {
            Product alternative = products.findBySlug(input.alternative())
                    .orElseThrow(() -> ProblemException.invalid("alternative", "no product with slug '" + input.alternative() + "'"));
            if (alternative == replaced) {
                throw ProblemException.invalid("alternative", "a product cannot be its own alternative");
            }
            if (alternatives.find(alternative, replaced).isPresent()) {
                throw ProblemException.conflict("'" + alternative.slug + "' is already an alternative to '" + slug + "'.");
            }
            Alternative relation = new Alternative();
            relation.product = alternative;
            relation.replaces = replaced;
            relation.fit = input.fit();
            relation.notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().trim();
            alternatives.persistAndFlush(relation);
            return new AlternativeView(ProductMapper.toSummary(alternative), relation.fit, relation.notes);
        });
    }

    /** Removes the relation; false when either product or the relation does not exist. */
    public boolean remove(String slug, String alternativeSlug) {
        Optional<Alternative> relation = products.findBySlug(slug).flatMap(replaced ->
                products.findBySlug(alternativeSlug).flatMap(alternative -> alternatives.find(alternative, replaced)));
        relation.ifPresent(alternatives::delete);
        return relation.isPresent();
    }
}

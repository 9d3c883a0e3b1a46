package eu.sovereignstack.catalog.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.sovereignstack.catalog.contract.AlternativeFit;
import eu.sovereignstack.catalog.contract.CatalogLimits;
import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.EntryKind;
import eu.sovereignstack.catalog.domain.Member;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.repository.AlternativeRepository;
import eu.sovereignstack.catalog.repository.ProductRepository;
import eu.sovereignstack.common.problem.ProblemException;

/**
 * The "alternative to" relations between products. A relation comes with the product on its
 * other side fetched: the alternative's product for {@link #replacing}, the replaced one for
 * {@link #replacedBy}.
 */
@ApplicationScoped
@Transactional
public class AlternativeService {

    private final ProductRepository products;
    private final AlternativeRepository alternatives;
    private final ChangeLog log;
    private final Ownership ownership;

    AlternativeService(ProductRepository products, AlternativeRepository alternatives, ChangeLog log, Ownership ownership) {
        this.ownership = ownership;
        this.products = products;
        this.alternatives = alternatives;
        this.log = log;
    }

    /** What can replace the product, or empty when there is no such product. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<Alternative>> replacing(String slug) {
        return products.findBySlug(slug).map(alternatives::replacing);
    }

    /** What the product can replace, or empty when there is no such product. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<Alternative>> replacedBy(String slug) {
        return products.findBySlug(slug).map(alternatives::replacedBy);
    }

    /** Records that {@code alternativeSlug} can replace {@code slug}; empty when {@code slug} is unknown. */
    public Optional<Alternative> add(String slug, String alternativeSlug, AlternativeFit fit, String notes) {
        return products.findBySlug(slug).map(replaced -> {
            Product alternative = products.findBySlug(alternativeSlug)
                    .orElseThrow(() -> ProblemException.invalid("alternative", "no product with slug '" + alternativeSlug + "'"));
            if (alternative == replaced) {
                throw ProblemException.invalid("alternative", "a product cannot be its own alternative");
            }
            if (alternatives.find(alternative, replaced).isPresent()) {
                throw ProblemException.conflict("'" + alternative.slug + "' is already an alternative to '" + slug + "'.");
            }
            Alternative relation = new Alternative();
            relation.product = alternative;
            relation.replaces = replaced;
            relation.fit = fit;
            relation.notes = notes == null || notes.isBlank() ? null : notes.trim();
            Member owner = ownership.writer();
            relation.ownerIssuer = owner.issuer();
            relation.ownerOrg = owner.organisation();
            alternatives.persistAndFlush(relation);
            log.created(EntryKind.ALTERNATIVE, ChangeLog.alternativeKey(slug, alternative.slug), null, log.views().alternative(relation));
            return relation;
        });
    }

    /**
     * Records a relation that the peer {@code node} asserts, when both products are known here and
     * this node has no such relation of its own.
     *
     * @return whether the mirrored row was written
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public boolean mirror(String node, String slug, String alternativeSlug, AlternativeFit fit, String notes, Member owner) {
        Product replaced = products.findBySlug(slug).orElse(null);
        Product alternative = products.findBySlug(alternativeSlug).orElse(null);
        if (replaced == null || alternative == null || replaced == alternative || fit == null
                || notes != null && notes.length() > CatalogLimits.NOTES) {
            throw ProblemException.conflict("The relation '" + ChangeLog.alternativeKey(slug, alternativeSlug)
                    + "' names a product this node does not hold, or is not a relation.");
        }
        Optional<Alternative> stored = alternatives.find(alternative, replaced);
        if (stored.isPresent() && !node.equals(stored.get().originNode)) {
            return false;
        }
        Alternative relation = stored.orElseGet(Alternative::new);
        relation.product = alternative;
        relation.replaces = replaced;
        relation.fit = fit;
        relation.notes = notes == null || notes.isBlank() ? null : notes.trim();
        relation.ownerIssuer = owner.issuer();
        relation.ownerOrg = owner.organisation();
        relation.originNode = node;
        if (stored.isEmpty()) {
            alternatives.persist(relation);
        }
        alternatives.flush();
        return true;
    }

    /** Removes the relation mirrored from {@code node}. */
    public boolean unmirror(String node, String slug, String alternativeSlug) {
        Optional<Alternative> relation = products.findBySlug(slug).flatMap(replaced ->
                        products.findBySlug(alternativeSlug).flatMap(alternative -> alternatives.find(alternative, replaced)))
                .filter(r -> node.equals(r.originNode));
        relation.ifPresent(alternatives::delete);
        return relation.isPresent();
    }

    /** Removes the relation; false when either product or the relation does not exist. */
    public boolean remove(String slug, String alternativeSlug) {
        Optional<Alternative> relation = products.findBySlug(slug).flatMap(replaced ->
                products.findBySlug(alternativeSlug).flatMap(alternative -> alternatives.find(alternative, replaced)));
        relation.ifPresent(r -> {
            ownership.checkMayChange("alternative relation", ChangeLog.alternativeKey(slug, alternativeSlug), r.ownerIssuer, r.ownerOrg,
                    r.originNode);
            alternatives.delete(r);
            log.deleted(EntryKind.ALTERNATIVE, ChangeLog.alternativeKey(slug, alternativeSlug));
        });
        return relation.isPresent();
    }
}

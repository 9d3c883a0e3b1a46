package eu.sovereignstack.catalog.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.sovereignstack.catalog.contract.ResolveRequest;
import eu.sovereignstack.catalog.contract.ProductView;
import eu.sovereignstack.catalog.contract.ResolveResult;
import eu.sovereignstack.catalog.contract.ResolvedOffering;
import eu.sovereignstack.catalog.contract.ResolvedProduct;
import eu.sovereignstack.catalog.domain.Evidences;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.catalog.service.Resolution;
import eu.sovereignstack.common.jurisdiction.Jurisdiction;

/** Between the resolve contract and the service's resolution. */
final class ResolveMapper {

    private ResolveMapper() {
    }

    static List<Resolution.Item> items(ResolveRequest request) {
        return request.items().stream().map(i -> new Resolution.Item(i.ref(), i.slug(), i.purl(), i.name())).toList();
    }

    static ResolveResult result(Resolution resolution, Origins.Snapshot origins, AssertionViews assertions) {
        List<ResolveResult.Match> matches = resolution.matches().stream()
                .map(m -> new ResolveResult.Match(m.ref(), m.product(), m.matchedBy()))
                .toList();
        Map<String, ResolvedProduct> products = new LinkedHashMap<>();
        resolution.products().forEach((slug, involved) -> products.put(slug, product(involved, origins)));
        Map<String, ProductView> shown = new LinkedHashMap<>();
        products.forEach((slug, resolved) -> shown.put(slug, resolved.product()));
        Map<String, ProductView> asserted = assertions.withEach(shown, origins);
        products.replaceAll((slug, resolved) -> resolved.withProduct(asserted.get(slug)));
        return new ResolveResult(matches, products);
    }

    private static ResolvedProduct product(Resolution.Involved involved, Origins.Snapshot origins) {
        return new ResolvedProduct(ProductMapper.toView(involved.product(), origins.of(involved.product())),
                involved.alternatives().stream()
                        .map(a -> new ResolvedProduct.Alternative(a.product.slug, a.fit, a.notes))
                        .toList(),
                involved.offerings().stream().map(ResolveMapper::offering).toList(),
                involved.sameCategory());
    }

    private static ResolvedOffering offering(Offering o) {
        return new ResolvedOffering(o.provider.slug, o.provider.name, o.provider.country,
                Jurisdiction.isEuEea(o.provider.country), List.copyOf(o.provider.certifications), o.name,
                List.copyOf(o.countries), CatalogMapper.ultimateParent(o.provider), CatalogMapper.energy(o.provider),
                o.keyCustody, o.hsm, Evidences.ordered(o.provider.evidence, Provider.EVIDENCE_FACTS),
                Evidences.ordered(o.evidence, Offering.EVIDENCE_FACTS));
    }
}

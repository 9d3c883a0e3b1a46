package eu.sovereignstack.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.service.EntryViews;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.catalog.service.ProviderCount;

/** Entries as GET shows them, for the change log's merge patches. */
@ApplicationScoped
class ChangeViews implements EntryViews {

    private final ObjectMapper json;
    private final Origins origins;

    ChangeViews(ObjectMapper json, Origins origins) {
        this.json = json;
        this.origins = origins;
    }

    @Override
    public JsonNode product(Product product) {
        return json.valueToTree(ProductMapper.toView(product, origins.local().of(product)));
    }

    @Override
    public JsonNode provider(Provider provider) {
        ObjectNode view = json.valueToTree(CatalogMapper.provider(new ProviderCount(provider, 0), origins.local().of(provider)));
        view.remove("offeringCount");
        return view;
    }

    @Override
    public JsonNode offering(Offering offering) {
        return json.valueToTree(CatalogMapper.offering(offering, origins.local().of(offering)));
    }

    /** A relation as a pair of slugs with its fit and notes. */
    @Override
    public JsonNode alternative(Alternative alternative) {
        ObjectNode view = json.createObjectNode();
        view.put("replaces", alternative.replaces.slug);
        view.put("alternative", alternative.product.slug);
        view.put("fit", alternative.fit.name());
        view.put("notes", alternative.notes);
        return view;
    }
}

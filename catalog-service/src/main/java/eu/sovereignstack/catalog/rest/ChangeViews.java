package eu.sovereignstack.catalog.rest;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.domain.Alternative;
import eu.sovereignstack.catalog.domain.Offering;
import eu.sovereignstack.catalog.domain.OfferingFacts;
import eu.sovereignstack.catalog.domain.Product;
import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.domain.Provider;
import eu.sovereignstack.catalog.domain.ProviderFacts;
import eu.sovereignstack.catalog.service.EntryViews;
import eu.sovereignstack.catalog.service.Origins;
import eu.sovereignstack.common.problem.Problem.FieldError;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.catalog.service.ProviderCount;

/** Entries as GET shows them, for the change log's merge patches. */
@ApplicationScoped
class ChangeViews implements EntryViews {

    private final ObjectMapper json;
    private final Origins origins;
    private final Validator validator;

    ChangeViews(ObjectMapper json, Origins origins, Validator validator) {
        this.json = json;
        this.origins = origins;
        this.validator = validator;
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
        view.set("origin", json.valueToTree(origins.local().of(alternative)));
        return view;
    }

    @Override
    public ProductFacts productFacts(JsonNode entry) {
        return ProductMapper.toFacts(read(entry, ProductInput.class));
    }

    @Override
    public ProviderFacts providerFacts(JsonNode entry) {
        return CatalogMapper.providerFacts(read(entry, ProviderInput.class));
    }

    @Override
    public OfferingFacts offeringFacts(JsonNode entry) {
        return CatalogMapper.offeringFacts(read(entry, OfferingInput.class));
    }

    /**
     * The entry as the input a client would send, held to the same limits: a peer is trusted no
     * more than a client. What the input does not know (derived facts, the origin) is left out.
     */
    private <T> T read(JsonNode entry, Class<T> type) {
        T input;
        try {
            input = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(entry);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("entry", "is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("entry", "is not a " + type.getSimpleName());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
        }
        return input;
    }
}

package eu.sovereignstack.catalog.rest;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.domain.ProductFacts;
import eu.sovereignstack.catalog.service.ProductChange;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * An RFC 7386 JSON merge patch of a product: it is merged into the product as a client would
 * write it ({@link ProductInput}), and the result is read and validated like a replacement.
 * The service applies it once it has found and locked the product.
 */
final class ProductMergePatch implements ProductChange {

    private final JsonNode patch;
    private final ObjectMapper json;
    private final Validator validator;

    ProductMergePatch(JsonNode patch, ObjectMapper json, Validator validator) {
        if (!(patch instanceof ObjectNode)) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "A merge patch must be a JSON object.");
        }
        this.patch = patch;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public Integer basedOn() {
        JsonNode version = patch.get("version");
        return version == null || version.isNull() ? null : readVersion(version);
    }

    @Override
    public ProductFacts applyTo(ProductFacts current) {
        ObjectNode merged = json.valueToTree(ProductMapper.toInput(current));
        mergePatch(merged, patch);
        merged.remove("version");
        return ProductMapper.toFacts(readInput(merged));
    }

    private static Integer readVersion(JsonNode version) {
        if (!version.canConvertToInt() || !version.isIntegralNumber()) {
            throw ProblemException.invalid("version", "must be an integer");
        }
        return version.intValue();
    }

    private ProductInput readInput(ObjectNode merged) {
        ProductInput input;
        try {
            input = json.treeToValue(merged, ProductInput.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.malformed(e);
        }
        Set<ConstraintViolation<ProductInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    /** RFC 7386: objects merge member by member, null removes, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject()) {
                ObjectNode nested = target.get(entry.getKey()) instanceof ObjectNode existing
                        ? existing
                        : target.putObject(entry.getKey());
                mergePatch(nested, value);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        });
    }
}

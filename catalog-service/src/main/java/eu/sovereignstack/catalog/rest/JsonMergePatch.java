package eu.sovereignstack.catalog.rest;

import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.sovereignstack.catalog.service.FactsChange;
import eu.sovereignstack.common.problem.ProblemException;
import eu.sovereignstack.common.problem.ProblemMappers;
import eu.sovereignstack.common.problem.ProblemType;

/**
 * An RFC 7386 JSON merge patch of a provider or an offering, as {@link ProductMergePatch} is of a
 * product: merged into the entry as a client would write it (the input record {@code I}), then
 * read and validated like a replacement, so a patch is refused exactly where a replacement would be.
 *
 * @param <I> the input record a client writes
 * @param <F> the facts the service checks and stores
 */
final class JsonMergePatch<I, F> implements FactsChange<F> {

    private final JsonNode patch;
    private final Class<I> input;
    private final Function<F, I> toInput;
    private final Function<I, F> toFacts;
    private final ObjectMapper json;
    private final Validator validator;

    JsonMergePatch(JsonNode patch, Class<I> input, Function<F, I> toInput, Function<I, F> toFacts, ObjectMapper json,
            Validator validator) {
        if (!(patch instanceof ObjectNode)) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "A merge patch must be a JSON object.");
        }
        this.patch = patch;
        this.input = input;
        this.toInput = toInput;
        this.toFacts = toFacts;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public Integer basedOn() {
        JsonNode version = patch.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.canConvertToInt() || !version.isIntegralNumber() || version.intValue() < 0) {
            throw ProblemException.invalid("version", "must be an integer of at least 0");
        }
        return version.intValue();
    }

    @Override
    public F applyTo(F current) {
        ObjectNode merged = json.valueToTree(toInput.apply(current));
        ProductMergePatch.mergePatch(merged, patch);
        merged.remove("version");
        I read;
        try {
            read = json.treeToValue(merged, input);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.malformed(e);
        }
        Set<ConstraintViolation<I>> violations = validator.validate(read);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return toFacts.apply(read);
    }
}

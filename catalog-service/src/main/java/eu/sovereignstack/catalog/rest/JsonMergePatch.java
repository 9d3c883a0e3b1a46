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
 * An RFC 7386 JSON merge patch of a product, a provider or an offering: merged into the entry as a
 * client would write it (the input record {@code I}), then read and validated like a replacement,
 * so a patch is refused exactly where a replacement would be. The service applies it once it has
 * found and locked the entry and checked its version.
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
        mergePatch(merged, patch);
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

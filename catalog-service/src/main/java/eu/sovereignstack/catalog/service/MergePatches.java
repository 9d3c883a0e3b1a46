package eu.sovereignstack.catalog.service;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 7386 merge patches between two JSON documents. A merge patch cannot set a member to null
 * (null removes it), so documents are compared without their null members: an absent member and
 * a null one are the same fact, "not known".
 */
public final class MergePatches {

    private MergePatches() {
    }

    /** The merge patch that turns {@code before} into {@code after}; an empty object when they are equal. */
    public static JsonNode between(JsonNode before, JsonNode after) {
        if (!before.isObject() || !after.isObject()) {
            return withoutNulls(after);
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<String> names = before.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!before.get(name).isNull() && (!after.has(name) || after.get(name).isNull())) {
                patch.putNull(name);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = after.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            JsonNode old = before.get(member.getKey());
            if (old == null || old.isNull()) {
                patch.set(member.getKey(), withoutNulls(value));
            } else if (!old.equals(value)) {
                patch.set(member.getKey(), old.isObject() && value.isObject() ? between(old, value) : withoutNulls(value));
            }
        }
        return patch;
    }

    /** RFC 7386 section 2: {@code patch} applied to {@code target} (which is not changed). */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** The document without null members, at any depth of objects (array elements are kept as they are). */
    public static JsonNode withoutNulls(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(member -> {
            if (!member.getValue().isNull()) {
                copy.set(member.getKey(), withoutNulls(member.getValue()));
            }
        });
        return copy;
    }
}

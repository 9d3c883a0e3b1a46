package eu.sovereignstack.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields a fabric8 model did not know. The models keep every unknown property in
 * {@code additionalProperties} instead of failing, so a misspelt or misplaced field (a {@code livenessprobe}, a
 * {@code resources} one level too high) would pass a plain parse: this walks every parsed object through its fields
 * (model objects, lists and maps of them) and reports each non-empty {@code additionalProperties} with its path.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    /** "path: unknown field(s) [a, b]" for every model object under {@code root}; empty when all fields were known. */
    static List<String> of(Object root) {
        List<String> problems = new ArrayList<>();
        walk(root, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "[" + entry.getKey() + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
                try {
                    walk(component.getAccessor().invoke(record), join(path, name), problems, seen);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component + ": " + e.getMessage(), e);
                }
            }
            return;
        }
        if (!isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        if (value instanceof GenericKubernetesResource) {
            // Custom resources are open by design; CustomResourceTest checks them.
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add((path.isEmpty() ? "(top level)" : path) + ": unknown field(s) " + extra.keySet());
                    }
                    continue;
                }
                walk(fieldValue, join(path, jsonName(field)), problems, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith("io.fabric8.kubernetes.api.model.");
    }

    private static Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field + ": " + e.getMessage(), e);
        }
    }

    private static String jsonName(Field field) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}

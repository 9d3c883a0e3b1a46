package eu.sovereignstack.testsupport;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Negative inputs derived from a service's published OpenAPI document ({@code /q/openapi?format=json}):
 * for every operation, generic cases (non-numeric, too large and too small integer query
 * parameters, over-long path parameters, and for a JSON body: malformed JSON, an array instead of
 * an object, a wrong content type, an unknown field, a body over the HTTP limit) and, starting
 * from a valid baseline body the test provides, one mutation at a time per documented property
 * (wrong JSON type, null or missing when required, one character or item too many, a number out
 * of range, a control character where a pattern forbids it, a non-BMP character where a pattern
 * constrains the text).
 * <p>
 * Every answer must be a 4xx {@code application/problem+json}; a mutation of one property must
 * be a 400 whose {@code errors[].field} names it (its JSON path, {@code steward.country},
 * {@code items[0].name}). A non-BMP character may also be accepted, but must then be stored
 * exactly: {@link Case#sentValue()} is what the test reads back.
 */
public final class NegativeInputs {

    /** What a case's answer must be. */
    public enum Expect {
        /** 400 problem naming {@link Case#field()} in {@code errors[].field}. */
        BAD_REQUEST_NAMING_FIELD,
        /** 400 problem. */
        BAD_REQUEST,
        /** 400 or 404 problem. */
        BAD_REQUEST_OR_NOT_FOUND,
        /** 415 problem. */
        UNSUPPORTED_MEDIA_TYPE,
        /** 413 problem. */
        TOO_LARGE,
        /** Any 4xx problem, or 2xx with the value stored exactly (the test checks that). */
        REJECTED_OR_STORED_EXACTLY
    }

    /** One request and what its answer must be. */
    public record Case(String name, String operationId, String method, String path, Map<String, String> query,
            Map<String, String> headers, String contentType, byte[] body, Expect expect, String field, String sentValue) {

        /** Whether a 2xx answer is acceptable (then the value must be read back exactly). */
        public boolean mayBeAccepted() {
            return expect == Expect.REJECTED_OR_STORED_EXACTLY;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A valid request of one operation: the cases change one thing of it at a time. */
    public record Baseline(String contentType, JsonNode body, Map<String, String> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Long, byte[]> OVERSIZED = new ConcurrentHashMap<>();
    private static final String NON_BMP = "\uD83D\uDE80";
    private static final String CONTROL = "\u0007";
    private static final int MAX_ITEMS_SENT = 20_000;
    private static final int MAX_DEPTH = 4;
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    private final JsonNode document;
    private final Map<String, Baseline> baselines = new LinkedHashMap<>();
    private final Map<String, Baseline> queryBaselines = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long bodyLimit = 10L * 1024 * 1024;
    private int maxCasesPerOperation = 200;

    private NegativeInputs(JsonNode document) {
        this.document = document;
    }

    /** The document the service under test publishes (RestAssured's port). */
    public static NegativeInputs fromPublishedDocument() {
        String text = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        return fromDocument(text);
    }

    public static NegativeInputs fromDocument(String json) {
        try {
            return new NegativeInputs(JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document in JSON", e);
        }
    }

    /** A valid request body (and headers) of the operation, as JSON text, a Map or a JsonNode. */
    public NegativeInputs baseline(String operationId, String contentType, Object body, Map<String, String> headers) {
        baselines.put(operationId, new Baseline(contentType, JSON.valueToTree(parse(body)), headers));
        return this;
    }

    /**
     * The body to send with the query-parameter cases of an operation, when it is not the JSON
     * baseline (say, an operation whose query parameters only apply to its CSV variant).
     */
    public NegativeInputs queryBaseline(String operationId, String contentType, String body, Map<String, String> headers) {
        queryBaselines.put(operationId, new Baseline(contentType, NODES.textNode(body), headers));
        return this;
    }

    /** The value of a path parameter in every case that does not change it (an existing resource). */
    public NegativeInputs pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** {@code quarkus.http.limits.max-body-size} of the service, in bytes. */
    public NegativeInputs bodyLimit(long bytes) {
        this.bodyLimit = bytes;
        return this;
    }

    public NegativeInputs maxCasesPerOperation(int max) {
        this.maxCasesPerOperation = max;
        return this;
    }

    /** What was left out, and why. */
    public List<String> notes() {
        return notes;
    }

    /** Every case of every operation of the document, in document order. */
    public List<Case> cases() {
        List<Case> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                List<Case> cases = casesOf(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(), path.getValue());
                String id = operation.getValue().path("operationId").asText();
                if (cases.size() > maxCasesPerOperation) {
                    notes.add(id + ": " + (cases.size() - maxCasesPerOperation) + " cases over the cap of " + maxCasesPerOperation + " left out");
                    cases = cases.subList(0, maxCasesPerOperation);
                }
                all.addAll(cases);
            }
        }
        return all;
    }

    // ---- generation -----------------------------------------------------------------------------

    private List<Case> casesOf(String method, String template, JsonNode operation, JsonNode pathItem) {
        String id = operation.path("operationId").asText(method + " " + template);
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        Baseline baseline = baselines.get(id);
        JsonNode requestBody = resolve(operation.path("requestBody"));
        boolean hasBody = requestBody.has("content");
        if (hasBody && baseline == null) {
            notes.add(id + ": no baseline body given, only parameter cases");
        }
        List<Case> cases = new ArrayList<>();
        Factory factory = new Factory(id, method, template, baseline);

        Baseline queryBaseline = queryBaselines.getOrDefault(id, baseline);
        for (JsonNode parameter : parameters) {
            parameter = resolve(parameter);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            String type = typeOf(schema);
            if (in.equals("query") && (type.equals("integer") || type.equals("number"))) {
                cases.add(factory.query(queryBaseline, "query " + name + " not a number", name, "abc"));
                if (schema.has("maximum")) {
                    cases.add(factory.query(queryBaseline, "query " + name + " above maximum", name,
                            schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString()));
                }
                if (schema.has("minimum")) {
                    cases.add(factory.query(queryBaseline, "query " + name + " below minimum", name,
                            schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE).toPlainString()));
                }
            } else if (in.equals("path") && schema.has("maxLength")) {
                String value = "a".repeat(schema.get("maxLength").asInt() + 1);
                cases.add(factory.request("path " + name + " over maxLength", Map.of(name, value), Map.of(),
                        baseline, baseline == null ? null : bytes(baseline.body()), Expect.BAD_REQUEST_OR_NOT_FOUND, name, null));
            } else if (in.equals("header") || in.equals("cookie") || in.equals("path")) {
                notes.add(id + ": " + in + " parameter " + name + " not varied");
            }
        }

        if (hasBody && baseline != null && isJson(baseline.contentType())) {
            String text = new String(bytes(baseline.body()), StandardCharsets.UTF_8);
            cases.add(factory.body("body malformed JSON", text.substring(0, text.length() / 2), Expect.BAD_REQUEST, null, null));
            cases.add(factory.body("body an array instead of an object", "[" + text + "]", Expect.BAD_REQUEST, null, null));
            cases.add(factory.request("body as text/plain", Map.of(), Map.of("Content-Type", "text/plain"), baseline,
                    bytes(baseline.body()), Expect.UNSUPPORTED_MEDIA_TYPE, null, null));
            if (baseline.body().isObject()) {
                ObjectNode unknown = baseline.body().deepCopy();
                unknown.put("unknownNegativeInputField", 1);
                cases.add(factory.body("body unknown field", unknown.toString(), Expect.BAD_REQUEST_NAMING_FIELD,
                        "unknownNegativeInputField", null));
            }
            cases.add(factory.request("body over the " + bodyLimit + " byte limit", Map.of(), Map.of(), baseline,
                    oversized(bodyLimit), Expect.TOO_LARGE, null, null));
            JsonNode schema = resolve(requestBody.path("content").path(baseline.contentType()).path("schema"));
            if (schema.isMissingNode()) {
                schema = resolve(requestBody.path("content").elements().next().path("schema"));
            }
            if (!schema.has("properties") && !schema.has("items")) {
                notes.add(id + ": the body's schema documents no properties, so no property is mutated");
            }
            List<Mutation> mutations = new ArrayList<>();
            walk(schema, List.of(), baseline.body(), 0, mutations, id);
            for (Mutation mutation : mutations) {
                JsonNode body = mutation.apply(baseline.body());
                cases.add(factory.body("body " + mutation.describe(), body.toString(), mutation.expect, mutation.field(), mutation.sentValue));
            }
        }
        return cases;
    }

    /** One change to the baseline body at a path of field names and array indices. */
    private record Mutation(List<Object> path, String what, JsonNode value, boolean remove, Expect expect, String sentValue) {

        String field() {
            return display(path);
        }

        String describe() {
            return display(path) + " " + what;
        }

        JsonNode apply(JsonNode baseline) {
            JsonNode copy = baseline.deepCopy();
            JsonNode parent = copy;
            for (int i = 0; i < path.size() - 1; i++) {
                Object step = path.get(i);
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            Object last = path.get(path.size() - 1);
            if (last instanceof Integer index) {
                ArrayNode array = (ArrayNode) parent;
                if (remove) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
            } else if (remove) {
                ((ObjectNode) parent).remove((String) last);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
            return copy;
        }
    }

    private void walk(JsonNode schema, List<Object> path, JsonNode value, int depth, List<Mutation> out, String id) {
        schema = resolve(schema);
        String type = typeOf(schema);
        if (type.equals("object")) {
            if (depth >= MAX_DEPTH || value == null || !value.isObject()) {
                return;
            }
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                List<Object> at = append(path, property.getKey());
                JsonNode propertySchema = resolve(property.getValue());
                JsonNode current = value.get(property.getKey());
                leaf(propertySchema, at, current, required.contains(property.getKey()), out, id);
                walk(propertySchema, at, current, depth + 1, out, id);
            }
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject() && !additional.isEmpty()) {
                Iterator<String> keys = value.fieldNames();
                while (keys.hasNext()) {
                    String key = keys.next();
                    List<Object> at = append(path, key);
                    leaf(resolve(additional), at, value.get(key), false, out, id);
                }
            }
        } else if (type.equals("array")) {
            if (value != null && value.isArray() && !value.isEmpty() && depth < MAX_DEPTH + 1) {
                JsonNode items = resolve(schema.path("items"));
                List<Object> at = append(path, 0);
                leaf(items, at, value.get(0), false, out, id);
                walk(items, at, value.get(0), depth + 1, out, id);
            }
        }
    }

    /** The mutations of one property (path ends in a field name) or array element (an index). */
    private void leaf(JsonNode schema, List<Object> path, JsonNode current, boolean required, List<Mutation> out, String id) {
        String type = typeOf(schema);
        boolean element = path.get(path.size() - 1) instanceof Integer;
        if (element && current == null) {
            return;
        }
        out.add(new Mutation(path, "wrong JSON type", wrongType(schema, type), false, Expect.BAD_REQUEST_NAMING_FIELD, null));
        if (required) {
            out.add(new Mutation(path, "null", NODES.nullNode(), false, Expect.BAD_REQUEST_NAMING_FIELD, null));
            out.add(new Mutation(path, "missing", null, true, Expect.BAD_REQUEST_NAMING_FIELD, null));
        }
        String text = current != null && current.isTextual() ? current.asText() : "a";
        switch (type) {
            case "string" -> {
                if (schema.has("maxLength")) {
                    int max = schema.get("maxLength").asInt();
                    if (max < MAX_ITEMS_SENT * 100) {
                        String longer = text.length() > max ? text : text + "a".repeat(max + 1 - text.length());
                        out.add(new Mutation(path, "maxLength " + max + " + 1", NODES.textNode(longer), false,
                                Expect.BAD_REQUEST_NAMING_FIELD, null));
                    }
                }
                if (schema.has("pattern")) {
                    Pattern pattern = Pattern.compile(schema.get("pattern").asText());
                    String controlled = text + CONTROL;
                    if (!pattern.matcher(controlled).find()) {
                        out.add(new Mutation(path, "control character U+0007", NODES.textNode(controlled), false,
                                Expect.BAD_REQUEST_NAMING_FIELD, null));
                    } else {
                        notes.add(id + ": " + display(path) + ": its pattern allows U+0007, not sent as a negative input");
                    }
                    String astral = text + NON_BMP;
                    if (!schema.has("maxLength") || astral.codePointCount(0, astral.length()) <= schema.get("maxLength").asInt()) {
                        out.add(new Mutation(path, "non-BMP character", NODES.textNode(astral), false,
                                Expect.REJECTED_OR_STORED_EXACTLY, astral));
                    }
                }
            }
            case "integer", "number" -> {
                if (schema.has("maximum")) {
                    out.add(new Mutation(path, "above maximum", NODES.numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)),
                            false, Expect.BAD_REQUEST_NAMING_FIELD, null));
                }
                if (schema.has("minimum")) {
                    out.add(new Mutation(path, "below minimum", NODES.numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)),
                            false, Expect.BAD_REQUEST_NAMING_FIELD, null));
                }
            }
            case "array" -> {
                if (schema.has("maxItems")) {
                    long max = schema.get("maxItems").asLong();
                    if (max + 1 > MAX_ITEMS_SENT) {
                        notes.add(id + ": " + display(path) + ": maxItems " + max + " is too many to send, not tested");
                    } else {
                        JsonNode item = current != null && current.isArray() && !current.isEmpty()
                                ? current.get(0) : sample(resolve(schema.path("items")));
                        ArrayNode many = NODES.arrayNode();
                        for (long i = 0; i <= max; i++) {
                            many.add(item);
                        }
                        out.add(new Mutation(path, "maxItems " + max + " + 1", many, false, Expect.BAD_REQUEST_NAMING_FIELD, null));
                    }
                }
            }
            default -> {
            }
        }
    }

    private static JsonNode wrongType(JsonNode schema, String type) {
        return switch (type) {
            case "string" -> schema.has("enum") ? NODES.numberNode(12345) : NODES.arrayNode().add("a");
            case "integer", "number" -> NODES.textNode("not a number");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.textNode("not an array");
            default -> NODES.textNode("not an object");
        };
    }

    /** A value of the schema, for filling an array that the baseline leaves empty. */
    private static JsonNode sample(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        return switch (typeOf(schema)) {
            case "integer", "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asInt() : 1);
            case "boolean" -> NODES.booleanNode(true);
            case "object" -> NODES.objectNode();
            default -> NODES.textNode("x");
        };
    }

    // ---- requests ---------------------------------------------------------------------------------

    private final class Factory {
        private final String id;
        private final String method;
        private final String template;
        private final Baseline baseline;

        Factory(String id, String method, String template, Baseline baseline) {
            this.id = id;
            this.method = method;
            this.template = template;
            this.baseline = baseline;
        }

        Case query(Baseline with, String what, String name, String value) {
            return new Case(id + ": " + what, id, method, path(Map.of()), Map.of(name, value), headers(with, Map.of()),
                    with == null ? null : with.contentType(), with == null ? null : bytes(with.body()),
                    Expect.BAD_REQUEST_NAMING_FIELD, name, null);
        }

        Case body(String what, String body, Expect expect, String field, String sentValue) {
            return new Case(id + ": " + what, id, method, path(Map.of()), Map.of(), headers(baseline, Map.of()),
                    baseline.contentType(), body.getBytes(StandardCharsets.UTF_8), expect, field, sentValue);
        }

        Case request(String what, Map<String, String> pathOverrides, Map<String, String> headerOverrides, Baseline with,
                byte[] body, Expect expect, String field, String sentValue) {
            Map<String, String> headers = headers(with, headerOverrides);
            String contentType = headers.remove("Content-Type");
            if (contentType == null && with != null) {
                contentType = with.contentType();
            }
            return new Case(id + ": " + what, id, method, path(pathOverrides), Map.of(), headers, contentType, body,
                    expect, field, sentValue);
        }

        private String path(Map<String, String> overrides) {
            java.util.regex.Matcher matcher = TEMPLATE.matcher(template);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = overrides.getOrDefault(name, pathValues.get(name));
                if (value == null) {
                    throw new IllegalStateException(id + ": no value for path parameter " + name + "; call pathValue");
                }
                matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        private Map<String, String> headers(Baseline with, Map<String, String> overrides) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (with != null && with.headers() != null) {
                headers.putAll(with.headers());
            }
            headers.putAll(overrides);
            return headers;
        }
    }

    /** Sends a case with the given bearer token. */
    public static Response send(Case c, String token) {
        RequestSpecification request = given().auth().oauth2(token).urlEncodingEnabled(true);
        c.headers().forEach(request::header);
        c.query().forEach(request::queryParam);
        if (c.body() != null) {
            request.contentType(c.contentType()).body(c.body());
        }
        return request.when().request(c.method(), c.path());
    }

    /**
     * Checks the answer against the case's expectation: a problem (never a 5xx) with the
     * expected status, naming the field where one was changed. A 2xx is only allowed for
     * {@link Expect#REJECTED_OR_STORED_EXACTLY}; the caller then reads the value back.
     */
    public static void check(Case c, Response response) {
        int status = response.statusCode();
        String where = c.name() + " -> " + status + " " + response.asString();
        if (status >= 500) {
            throw new AssertionError("a client mistake must never be a 5xx: " + where);
        }
        if (c.mayBeAccepted() && status >= 200 && status < 300) {
            return;
        }
        String contentType = response.contentType() == null ? "" : response.contentType();
        if (!contentType.startsWith("application/problem+json")) {
            throw new AssertionError("expected application/problem+json, got '" + contentType + "': " + where);
        }
        boolean statusOk = switch (c.expect()) {
            case BAD_REQUEST_NAMING_FIELD, BAD_REQUEST -> status == 400;
            case BAD_REQUEST_OR_NOT_FOUND -> status == 400 || status == 404;
            case UNSUPPORTED_MEDIA_TYPE -> status == 415;
            case TOO_LARGE -> status == 413;
            case REJECTED_OR_STORED_EXACTLY -> status >= 400 && status < 500;
        };
        if (!statusOk) {
            throw new AssertionError("expected " + c.expect() + ": " + where);
        }
        if (c.expect() == Expect.BAD_REQUEST_NAMING_FIELD) {
            List<String> fields = response.jsonPath().getList("errors.field");
            if (fields == null || fields.stream().noneMatch(f -> names(f, c.field()))) {
                throw new AssertionError("errors[].field " + fields + " does not name " + c.field() + ": " + where);
            }
        }
    }

    /** Whether a problem's field names the path: equal, or the same with a map key in brackets. */
    public static boolean names(String field, String path) {
        if (field == null) {
            return false;
        }
        return field.equals(path) || field.replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1").equals(path);
    }

    /** Every text value in a JSON document, for reading a sent value back from wherever it is stored. */
    public static List<String> texts(String json) {
        List<String> texts = new ArrayList<>();
        try {
            collect(JSON.readTree(json), texts);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collect(child, texts));
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(texts::add);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A JSON body just over the limit, built once per limit and shared by all cases. */
    private static byte[] oversized(long limit) {
        return OVERSIZED.computeIfAbsent(limit, l -> {
            byte[] body = new byte[(int) (l + 1024)];
            Arrays.fill(body, (byte) 'x');
            byte[] head = "{\"name\": \"".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(head, 0, body, 0, head.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            return body;
        });
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            ObjectNode merged = target.deepCopy();
            current.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("$ref") && !merged.has(field.getKey())) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
            current = merged;
        }
        return current;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("pattern") || schema.has("maxLength") || schema.has("enum")) {
            return "string";
        }
        return "";
    }

    private static boolean isJson(String contentType) {
        return contentType != null && (contentType.equals("application/json") || contentType.endsWith("+json"));
    }

    private static Object parse(Object body) {
        if (body instanceof String text) {
            try {
                return JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("the baseline body is not JSON", e);
            }
        }
        return body;
    }

    private static byte[] bytes(JsonNode body) {
        if (body.isTextual()) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    static String display(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(step);
            }
        }
        return text.toString();
    }
}

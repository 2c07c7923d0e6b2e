package vn.trolyso.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi.yaml read for the contract tests: finds the operation a request hits, the schema of a response status, and
 * the error codes an operation documents ({@code x-error-codes} per status, plus the document's
 * {@code x-common-error-codes} that any route may return).
 *
 * <p>Response schemas are turned into strict JSON Schema 2020-12 before validation: {@code $ref}s are inlined,
 * {@code allOf} of objects merged, {@code nullable} becomes a null type, and every object that lists its properties
 * admits no other property and needs all of them but those its {@code x-optional} names (or its own {@code required}
 * list says). So a response
 * validates only when it has exactly the documented fields — a field the records add or drop fails the test.
 */
final class OpenApiDocument {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Pattern RAISED = Pattern.compile("(?:ApiException\\(\\s*Status\\.\\w+,\\s*"
            + "|send\\(res,\\s*Status\\.\\w+,\\s*|badRequest\\(\\s*|notFound\\(\\s*|LearningException\\.\\w+\\(\\s*"
            + "|InvalidQuestionException\\(\\s*|IngestException\\(\\s*|OpenAiErrors\\.body\\([^,]+,\\s*)\"([a-z]+(?:_[a-z0-9]+)*)\"");

    private final ObjectNode root;

    OpenApiDocument(ObjectNode root) {
        this.root = root;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            Object yaml = new Yaml().load(in);
            return new OpenApiDocument((ObjectNode) MAPPER.valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy to change (the tests that show a removal is caught). */
    OpenApiDocument copy() {
        return new OpenApiDocument(root.deepCopy());
    }

    ObjectNode root() {
        return root;
    }

    /** One documented operation. */
    record Operation(String method, String path, JsonNode node) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    /** Every documented operation. */
    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        root.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                out.add(new Operation(m.getKey(), p.getKey(), m.getValue()));
            }
        }));
        return out;
    }

    /** The operation a request hits: a literal path segment wins over a template ({@code /documents/indexing}). */
    Optional<Operation> operation(String method, String concretePath) {
        String path = concretePath.contains("?") ? concretePath.substring(0, concretePath.indexOf('?')) : concretePath;
        String[] segments = path.split("/");
        Operation best = null;
        int bestLiterals = -1;
        for (Operation op : operations()) {
            if (!op.method().equalsIgnoreCase(method)) {
                continue;
            }
            String[] template = op.path().split("/");
            if (template.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                if (template[i].startsWith("{")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = template[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = op;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The response object of a status (its {@code $ref} followed), or null when the status is not documented. */
    JsonNode response(Operation op, int status) {
        JsonNode r = op.node().path("responses").get(Integer.toString(status));
        return r == null ? null : resolve(r);
    }

    /** The strict schema of a status's JSON (or event-stream) body, or null when none is documented. */
    JsonNode strictSchema(Operation op, int status, String mediaType) {
        JsonNode r = response(op, status);
        if (r == null) {
            return null;
        }
        JsonNode schema = r.path("content").path(mediaType).get("schema");
        return schema == null ? null : strict(schema);
    }

    /** The strict form of a named component schema. */
    JsonNode strictComponent(String name) {
        return strict(root.path("components").path("schemas").path(name));
    }

    /** The codes the operation may answer {@code status} with: its own and the document's common ones. */
    Set<String> errorCodes(Operation op, int status) {
        Set<String> codes = new TreeSet<>();
        String s = Integer.toString(status);
        op.node().path("x-error-codes").path(s).forEach(c -> codes.add(c.asText()));
        root.path("x-common-error-codes").path(s).forEach(c -> codes.add(c.asText()));
        return codes;
    }

    /** The codes any route may answer {@code status} with ({@code x-common-error-codes}). */
    Set<String> commonErrorCodes(int status) {
        Set<String> codes = new TreeSet<>();
        root.path("x-common-error-codes").path(Integer.toString(status)).forEach(c -> codes.add(c.asText()));
        return codes;
    }

    /** The statuses of the document's common error codes. */
    Set<String> commonErrorStatuses() {
        Set<String> out = new TreeSet<>();
        root.path("x-common-error-codes").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Error codes raised in a Java source: ApiException and its factories, the learning/question/ingest exceptions. */
    static Set<String> raisedCodes(String source) {
        Set<String> codes = new TreeSet<>();
        Matcher m = RAISED.matcher(source);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /** Validation messages of {@code body} against a strict schema; empty when it conforms. */
    static List<String> validate(JsonNode strictSchema, JsonNode body) {
        Schema schema = REGISTRY.getSchema(strictSchema.toString());
        return schema.validate(body).stream().map(Object::toString).toList();
    }

    /** Whether the schema pins the body's fields (an object with properties, or an array of such), not a bare object. */
    static boolean closed(JsonNode strictSchema) {
        if (strictSchema.has("properties")) {
            return true;
        }
        JsonNode items = strictSchema.get("items");
        return items != null && closed(items);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("external $ref: " + ref);
            }
            n = root.at(ref.substring(1));
            if (n.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref: " + ref);
            }
        }
        return n;
    }

    private JsonNode strict(JsonNode schema) {
        JsonNode s = resolve(schema);
        if (!s.isObject()) {
            return s;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (s.has("allOf")) {
            // merge the parts (strict objects) into one object schema, so strictness sees all the fields
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            Set<String> required = new LinkedHashSet<>();
            for (JsonNode part : s.get("allOf")) {
                JsonNode p = strict(part);
                p.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
                p.path("required").forEach(r -> required.add(r.asText()));
            }
            ObjectNode merged = JsonNodeFactory.instance.objectNode().put("type", "object");
            merged.set("properties", properties);
            ArrayNode r = merged.putArray("required");
            required.forEach(r::add);
            s.properties().forEach(e -> {
                if (!e.getKey().equals("allOf") && !e.getKey().equals("type")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            return strict(merged);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = s.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("x-")) {
                continue; // extensions: x-optional is read below
            }
            switch (e.getKey()) {
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    e.getValue().properties().forEach(p -> props.set(p.getKey(), strict(p.getValue())));
                }
                case "items", "additionalProperties" -> out.set(e.getKey(),
                        e.getValue().isObject() ? strict(e.getValue()) : e.getValue());
                case "oneOf", "anyOf" -> {
                    ArrayNode parts = out.putArray(e.getKey());
                    e.getValue().forEach(p -> parts.add(strict(p)));
                }
                case "nullable", "example", "description", "format", "default", "readOnly", "writeOnly" -> {
                    // OpenAPI-only or annotations: nullable handled below
                }
                default -> out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (s.path("nullable").asBoolean(false)) {
            if (out.has("type")) {
                ArrayNode types = JsonNodeFactory.instance.arrayNode().add(out.get("type").asText()).add("null");
                out.set("type", types);
            }
            if (out.has("enum")) {
                ((ArrayNode) out.get("enum")).addNull();
            }
        }
        if (out.has("properties")) {
            if (!out.has("additionalProperties")) {
                out.put("additionalProperties", false);
            }
            if (!out.has("required")) {
                Set<String> optional = new TreeSet<>();
                s.path("x-optional").forEach(o -> optional.add(o.asText()));
                ArrayNode required = out.putArray("required");
                out.get("properties").fieldNames().forEachRemaining(f -> {
                    if (!optional.contains(f)) {
                        required.add(f);
                    }
                });
            }
        }
        return out;
    }
}

package dev.ladder.core.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks a JSON tree against a JSON Schema and collects every violation. Not thread-safe. */
final class SchemaValidator {
    private final Map<?, ?> root;
    private final List<SchemaViolation> violations = new ArrayList<>();

    private SchemaValidator(Map<?, ?> root) {
        this.root = root;
    }

    static List<SchemaViolation> validate(Map<String, Object> schema, Object value) {
        SchemaValidator validator = new SchemaValidator(schema);
        validator.check(schema, value, "$", validator.violations);
        return List.copyOf(validator.violations);
    }

    private void check(Object schema, Object value, String path, List<SchemaViolation> out) {
        if (schema instanceof Boolean allowed) {
            if (!allowed) {
                out.add(new SchemaViolation(path, "expected nothing here but found " + JsonTree.describe(value)));
            }
            return;
        }
        Map<?, ?> s = asSchema(schema, path);
        if (s.get("$ref") instanceof String ref) {
            check(resolve(ref), value, path, out);
        }
        if (value == null && Boolean.TRUE.equals(s.get("nullable"))) {
            return;
        }
        if (!checkType(s, value, path, out) || !checkEnum(s, value, path, out)) {
            return;
        }
        if (value instanceof String text) {
            checkString(s, text, path, out);
        } else if (value instanceof Number number) {
            checkNumber(s, JsonTree.decimal(number), path, out);
        } else if (value instanceof List<?> list) {
            checkArray(s, list, path, out);
        } else if (value instanceof Map<?, ?> object) {
            checkObject(s, object, path, out);
        }
        checkCombinations(s, value, path, out);
    }

    private static Map<?, ?> asSchema(Object schema, String path) {
        if (schema instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("the schema for " + path + " is "
                + (schema == null ? "null" : "a " + schema.getClass().getName())
                + ", not a JSON Schema object or boolean");
    }

    private Object resolve(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("$ref '" + ref + "' points outside the schema: only local"
                    + " references starting with '#' are supported");
        }
        Object node = root;
        for (String token : ref.substring(1).split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            node = node instanceof Map<?, ?> map ? map.get(name) : null;
            if (node == null) {
                throw new IllegalArgumentException("$ref '" + ref + "' points to nothing in the schema");
            }
        }
        return node;
    }

    private static boolean checkType(Map<?, ?> s, Object value, String path, List<SchemaViolation> out) {
        List<String> types = types(s.get("type"), path);
        if (types.isEmpty() || types.stream().anyMatch(type -> hasType(value, type, path))) {
            return true;
        }
        out.add(new SchemaViolation(
                path, "expected " + String.join(" or ", types) + " but found " + JsonTree.describe(value)));
        return false;
    }

    private static List<String> types(Object type, String path) {
        if (type == null) {
            return List.of();
        }
        if (type instanceof String name) {
            return List.of(name);
        }
        if (type instanceof List<?> names) {
            List<String> types = new ArrayList<>();
            names.forEach(name -> types.add(String.valueOf(name)));
            return types;
        }
        throw new IllegalArgumentException(
                "the schema for " + path + " has type " + type + ": use a type name or a list of type names");
    }

    private static boolean hasType(Object value, String type, String path) {
        switch (type) {
            case "null":
                return value == null;
            case "boolean":
                return value instanceof Boolean;
            case "string":
                return value instanceof String;
            case "number":
                return value instanceof Number;
            case "integer":
                return value instanceof Number number && isIntegral(JsonTree.decimal(number));
            case "object":
                return value instanceof Map<?, ?>;
            case "array":
                return value instanceof List<?>;
            default:
                throw new IllegalArgumentException("the schema for " + path + " has unknown type '" + type
                        + "': use null, boolean, string, number, integer, object or array");
        }
    }

    private static boolean isIntegral(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static boolean checkEnum(Map<?, ?> s, Object value, String path, List<SchemaViolation> out) {
        if (s.containsKey("const") && !jsonEquals(s.get("const"), value)) {
            out.add(new SchemaViolation(
                    path, "expected " + JsonTree.quote(s.get("const")) + " but found " + JsonTree.quote(value)));
            return false;
        }
        if (s.get("enum") instanceof List<?> allowed && allowed.stream().noneMatch(a -> jsonEquals(a, value))) {
            StringJoiner values = new StringJoiner(", ");
            allowed.forEach(a -> values.add(JsonTree.quote(a)));
            out.add(new SchemaViolation(path, "expected one of " + values + " but found " + JsonTree.quote(value)));
            return false;
        }
        return true;
    }

    private static void checkString(Map<?, ?> s, String text, String path, List<SchemaViolation> out) {
        int length = text.codePointCount(0, text.length());
        if (s.get("minLength") instanceof Number min && length < min.longValue()) {
            out.add(new SchemaViolation(
                    path,
                    "expected at least " + min.longValue() + characters(min.longValue()) + " but found " + length
                            + " in " + JsonTree.quote(text)));
        }
        if (s.get("maxLength") instanceof Number max && length > max.longValue()) {
            out.add(new SchemaViolation(
                    path,
                    "expected at most " + max.longValue() + characters(max.longValue()) + " but found " + length
                            + " in " + JsonTree.quote(text)));
        }
        if (s.get("pattern") instanceof String pattern
                && !compile(pattern, path).matcher(text).find()) {
            out.add(new SchemaViolation(
                    path, "expected a string matching /" + pattern + "/ but found " + JsonTree.quote(text)));
        }
    }

    private static String characters(long count) {
        return count == 1 ? " character" : " characters";
    }

    private static Pattern compile(String pattern, String path) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "the schema for " + path + " has pattern /" + pattern + "/, which is not a regular expression", e);
        }
    }

    private static void checkNumber(Map<?, ?> s, BigDecimal number, String path, List<SchemaViolation> out) {
        String found = " but found " + number.toString();
        boolean exclusiveMinimum = Boolean.TRUE.equals(s.get("exclusiveMinimum"));
        boolean exclusiveMaximum = Boolean.TRUE.equals(s.get("exclusiveMaximum"));
        if (s.get("minimum") instanceof Number min) {
            int order = number.compareTo(JsonTree.decimal(min));
            if (order < 0 || (exclusiveMinimum && order == 0)) {
                out.add(new SchemaViolation(
                        path, "expected a number " + (exclusiveMinimum ? "> " : ">= ") + plain(min) + found));
            }
        }
        if (s.get("maximum") instanceof Number max) {
            int order = number.compareTo(JsonTree.decimal(max));
            if (order > 0 || (exclusiveMaximum && order == 0)) {
                out.add(new SchemaViolation(
                        path, "expected a number " + (exclusiveMaximum ? "< " : "<= ") + plain(max) + found));
            }
        }
        if (s.get("exclusiveMinimum") instanceof Number min && number.compareTo(JsonTree.decimal(min)) <= 0) {
            out.add(new SchemaViolation(path, "expected a number > " + plain(min) + found));
        }
        if (s.get("exclusiveMaximum") instanceof Number max && number.compareTo(JsonTree.decimal(max)) >= 0) {
            out.add(new SchemaViolation(path, "expected a number < " + plain(max) + found));
        }
        if (s.get("multipleOf") instanceof Number step
                && number.remainder(JsonTree.decimal(step)).signum() != 0) {
            out.add(new SchemaViolation(path, "expected a multiple of " + plain(step) + found));
        }
    }

    private static String plain(Number number) {
        return JsonTree.decimal(number).toPlainString();
    }

    private void checkArray(Map<?, ?> s, List<?> list, String path, List<SchemaViolation> out) {
        if (s.get("minItems") instanceof Number min && list.size() < min.longValue()) {
            out.add(new SchemaViolation(
                    path,
                    "expected at least " + min.longValue() + items(min.longValue()) + " but found " + list.size()));
        }
        if (s.get("maxItems") instanceof Number max && list.size() > max.longValue()) {
            out.add(new SchemaViolation(
                    path,
                    "expected at most " + max.longValue() + items(max.longValue()) + " but found " + list.size()));
        }
        if (Boolean.TRUE.equals(s.get("uniqueItems"))) {
            checkUnique(list, path, out);
        }
        Object items = s.get("items");
        for (int i = 0; i < list.size(); i++) {
            Object itemSchema = items instanceof List<?> tuple ? (i < tuple.size() ? tuple.get(i) : null) : items;
            if (itemSchema != null) {
                check(itemSchema, list.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static String items(long count) {
        return count == 1 ? " item" : " items";
    }

    private static void checkUnique(List<?> list, String path, List<SchemaViolation> out) {
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (jsonEquals(list.get(i), list.get(j))) {
                    out.add(new SchemaViolation(
                            path,
                            "expected unique items but items " + i + " and " + j + " are both "
                                    + JsonTree.quote(list.get(i))));
                    return;
                }
            }
        }
    }

    private void checkObject(Map<?, ?> s, Map<?, ?> object, String path, List<SchemaViolation> out) {
        if (s.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!object.containsKey(name)) {
                    out.add(new SchemaViolation(path, "missing required property '" + name + "'"));
                }
            }
        }
        Map<?, ?> properties = s.get("properties") instanceof Map<?, ?> map ? map : Map.of();
        Object additional = s.get("additionalProperties");
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String child = child(path, name);
            if (properties.containsKey(name)) {
                check(properties.get(name), entry.getValue(), child, out);
            } else if (Boolean.FALSE.equals(additional)) {
                out.add(new SchemaViolation(
                        child,
                        "unexpected property '" + name + "'; allowed: "
                                + (properties.isEmpty() ? "none" : join(properties.keySet()))));
            } else if (additional != null && !Boolean.TRUE.equals(additional)) {
                check(additional, entry.getValue(), child, out);
            }
        }
    }

    private static String join(Iterable<?> names) {
        StringJoiner joiner = new StringJoiner(", ");
        names.forEach(name -> joiner.add(String.valueOf(name)));
        return joiner.toString();
    }

    private static String child(String path, String name) {
        if (name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private void checkCombinations(Map<?, ?> s, Object value, String path, List<SchemaViolation> out) {
        if (s.get("allOf") instanceof List<?> all) {
            all.forEach(branch -> check(branch, value, path, out));
        }
        if (s.get("anyOf") instanceof List<?> any && matching(any, value, path).isEmpty()) {
            explainNoMatch(any, value, path, out);
        }
        if (s.get("oneOf") instanceof List<?> one) {
            List<Integer> matches = matching(one, value, path);
            if (matches.isEmpty()) {
                explainNoMatch(one, value, path, out);
            } else if (matches.size() > 1) {
                out.add(new SchemaViolation(
                        path,
                        "expected exactly one alternative of oneOf to match but " + matches.size() + " did: numbers "
                                + join(matches.stream().map(i -> i + 1).toList())));
            }
        }
        if (s.containsKey("not") && matches(s.get("not"), value, path)) {
            out.add(new SchemaViolation(
                    path,
                    "expected a value that does not match the schema under 'not' but" + " found "
                            + JsonTree.describe(value)));
        }
    }

    private List<Integer> matching(List<?> branches, Object value, String path) {
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            if (matches(branches.get(i), value, path)) {
                matches.add(i);
            }
        }
        return matches;
    }

    private boolean matches(Object schema, Object value, String path) {
        List<SchemaViolation> found = new ArrayList<>();
        check(schema, value, path, found);
        return found.isEmpty();
    }

    /**
     * Reports why no alternative matched: when exactly one alternative accepts the value's kind,
     * its own violations say more than a summary, so they are reported instead.
     */
    private void explainNoMatch(List<?> branches, Object value, String path, List<SchemaViolation> out) {
        List<Object> sameKind = new ArrayList<>();
        StringJoiner expected = new StringJoiner(" or ");
        for (Object branch : branches) {
            Object target =
                    branch instanceof Map<?, ?> map && map.get("$ref") instanceof String ref ? resolve(ref) : branch;
            List<String> types = target instanceof Map<?, ?> map ? types(map.get("type"), path) : List.of();
            if (types.isEmpty() || types.stream().anyMatch(type -> hasType(value, type, path))) {
                sameKind.add(branch);
            }
            expected.add(types.isEmpty() ? "a value matching its schema" : String.join(" or ", types));
        }
        if (sameKind.size() == 1) {
            check(sameKind.get(0), value, path, out);
            return;
        }
        out.add(new SchemaViolation(path, "expected " + expected + " but found " + JsonTree.describe(value)));
    }

    private static boolean jsonEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return JsonTree.decimal(x).compareTo(JsonTree.decimal(y)) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.size() == y.size()
                    && x.entrySet().stream()
                            .allMatch(e -> y.containsKey(e.getKey()) && jsonEquals(e.getValue(), y.get(e.getKey())));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> right = y.iterator();
            return x.stream().allMatch(item -> jsonEquals(item, right.next()));
        }
        return Objects.equals(a, b);
    }
}

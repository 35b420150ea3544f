package org.ratatosk.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a valid request into a hostile one: fields dropped, duplicated, retyped, nested deep,
 * strings and numbers grown, the body truncated or made invalid UTF-8, percent escapes broken,
 * content type, Accept, method and credentials changed, path segments (labels, names, ids) replaced
 * by matrix parameters, encoded slashes, dot segments, long or non-ASCII text. Every choice comes from the given
 * {@link Random}: jqwik's seeded one in the property, a seeded one in the fuzz program.
 */
public final class Mutations {

    /** What a mutation changes. */
    public enum Kind {
        DROP_FIELD, DUPLICATE_FIELD, RETYPE_FIELD, NEST_DEEP, GROW_STRING, GROW_NUMBER, TRUNCATE, BAD_UTF8, NOT_AN_OBJECT,
        BAD_PERCENT, BAD_QUERY, CONTENT_TYPE, ACCEPT, METHOD, CREDENTIALS, PATH_SEGMENT;

        boolean bodyOnly() {
            return ordinal() <= NOT_AN_OBJECT.ordinal();
        }
    }

    /** A mutated request, ready to send. */
    public record Request(Template template, List<Kind> kinds, String method, String target, List<String[]> headers,
                          byte[] body) {

        /** Only the body changed: the UEM connector must still answer 200 with its failureInfo. */
        public boolean bodyOnly() {
            return kinds.stream().allMatch(Kind::bodyOnly);
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private static final String[] ODD_STRINGS = {"", " ", "\u0000", "\uD83D\uDE00", "%zz", "../../etc/passwd", "\"}",
        "<script>", "@", "@tmp", "\u202E", "\\u0000", "\uFFFF", "\t\r\n"};
    private static final String[] NUMBERS = {"9".repeat(5000), "1e999999999", "-1", "0", "9223372036854775808",
        "-9223372036854775809", "1.5", "1e2", "2147483648", "99999999999", "-0", "1E-400", "12345678901234567890123456789"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/json; charset=ISO-8859-1",
        "application/json;q=abc", "application/json;q=2", "", "/", "application/", "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded", "*/*", "application/json; charset=\"utf-8\"", "application/json;;;",
        "application/json; charset=utf-16", "\u00e4/\u00f6"};
    private static final String[] ACCEPTS = {"text/html", "*/*;q=abc", "application/xml", "", "/", "application/json;q=2",
        "application/json;q=-1", "image/png", "text/*, application/json;q=0", "*/*;q=0.5, text/html", "application/json;q=NaN",
        "\u00e4"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO"};
    private static final String[] BAD_ESCAPES = {"%zz", "%", "%4", "%C3%28", "%ED%A0%80", "%FF", "%00", "%2F..%2F", "%25%", "%u0041"};
    private static final String[] BAD_QUERY_VALUES = {"abc", "-1", "99999999999", "%zz", "", "1.5", "61", "0x10", "%C3%28", "1e3"};
    private static final String[] PATH_SEGMENTS = {";", ";x=1", "a;b=c", "%2F", "a%2Fb", "..", "%2E%2E", ".", "%2e", "",
        "a".repeat(300), "a".repeat(70_000), "%C3%A4%F0%9F%98%80", "%E2%80%AE", "%00", "%3B", "%20", "+", "123", "-1", "9".repeat(40),
        "%25", "%3F%23", "\u00e4", "null", "true", "%7B%7D", "%22", "[", "a]", "%5B", "\\", "{x}", "|", "..%2F..%2Fadmin"};
    private static final String[] QUERY_NAMES = {"wait", "limit", "destination", "state", "type", "operation", "externalId", "format"};
    /**
     * Wrong credentials name a user of their own: ten wrong passwords for the operator's name would
     * lock the operator out (429) and leave the rest of the run testing the lockout only.
     */
    private static final String[] CREDENTIALS = {"Basic !!", "Basic " + "A".repeat(5000), "Bearer", "Bearer %zz",
        "Basic aW50cnVkZXI6", "Digest x", "", "Basic " + java.util.Base64.getEncoder().encodeToString("intruder:wrong".getBytes(StandardCharsets.UTF_8))};

    private Mutations() {
    }

    public static Request mutate(Template template, Random random) {
        List<Kind> kinds = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            kinds.add(KINDS[random.nextInt(KINDS.length)]);
        }
        String method = template.method();
        String path = template.path();
        String query = template.query();
        List<String[]> headers = new ArrayList<>(template.headers());
        String contentType = "application/json";
        String accept = "application/json";
        Object tree = template.body() == null ? null : toTree(Json.createReader(new StringReader(template.body())).readValue());
        String text = null;
        byte[] raw = null;
        for (Kind kind : kinds) {
            switch (kind) {
                case DROP_FIELD -> tree = onRandomMember(tree, random, (object, key) -> object.remove(key));
                case DUPLICATE_FIELD -> tree = onRandomMember(tree, random,
                        (object, key) -> object.put(key, new Duplicate(object.get(key), retyped(random))));
                case RETYPE_FIELD -> tree = onRandomMember(tree, random, (object, key) -> object.put(key, retyped(random)));
                case NEST_DEEP -> {
                    int depth = depth(random);
                    Object deep = new Raw("[".repeat(depth) + "]".repeat(depth));
                    tree = tree == null ? deep : onRandomMember(tree, random, (object, key) -> object.put(key, deep));
                }
                case GROW_STRING -> tree = onRandomMember(tree, random, (object, key) -> object.put(key,
                        // extended, so that what checks the value's form (a URL, a label) passes on to its length
                        object.get(key) instanceof String given && random.nextBoolean() ? given + grownString(random) : grownString(random)));
                case GROW_NUMBER -> tree = onRandomMember(tree, random,
                        (object, key) -> object.put(key, new Raw(pick(NUMBERS, random))));
                case NOT_AN_OBJECT -> tree = new Raw(List.of("[]", "\"x\"", "null", "1", "true", "", "   ", "{}").get(random.nextInt(8)));
                case TRUNCATE -> text = truncated(text != null ? text : write(tree), random);
                case BAD_UTF8 -> raw = withBadUtf8((text != null ? text : write(tree)).getBytes(StandardCharsets.UTF_8), random);
                case BAD_PERCENT -> path = path + "/" + pick(BAD_ESCAPES, random);
                case PATH_SEGMENT -> path = withOddSegment(path, random);
                case BAD_QUERY -> query = (query == null ? "" : query + "&") + pick(QUERY_NAMES, random) + "=" + pick(BAD_QUERY_VALUES, random);
                case CONTENT_TYPE -> contentType = random.nextInt(6) == 0 ? null : pick(CONTENT_TYPES, random);
                case ACCEPT -> accept = pick(ACCEPTS, random);
                case METHOD -> method = pick(METHODS, random);
                case CREDENTIALS -> {
                    headers.clear();
                    String credentials = pick(CREDENTIALS, random);
                    headers.add(new String[] {random.nextBoolean() ? "Authorization" : "X-Api-Key", credentials});
                }
            }
        }
        byte[] body;
        if (raw != null) {
            body = raw;
        } else if (text != null) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else {
            body = tree == null ? null : write(tree).getBytes(StandardCharsets.UTF_8);
        }
        if (body != null && contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        headers.add(new String[] {"Accept", accept});
        return new Request(template, List.copyOf(kinds), method, query == null ? path : path + "?" + query, headers, body);
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    /** A segment after {@code /rest/} (or the connector's prefix) replaced, extended or followed by an odd one. */
    private static String withOddSegment(String path, Random random) {
        String[] segments = path.split("/", -1);
        String odd = pick(PATH_SEGMENTS, random);
        int first = Math.min(3, segments.length - 1);
        int at = first + random.nextInt(segments.length - first);
        segments[at] = switch (random.nextInt(3)) {
            case 0 -> odd;
            case 1 -> segments[at] + odd;
            default -> segments[at] + "/" + odd;
        };
        return String.join("/", segments);
    }

    private static String grownString(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "a".repeat(1000 + random.nextInt(300_000));
            case 1 -> random.ints(random.nextInt(200), 0, 0x10000).filter(c -> !Character.isSurrogate((char) c))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            default -> pick(ODD_STRINGS, random);
        };
    }

    private static int depth(Random random) {
        return random.nextBoolean() ? 60 + random.nextInt(11) : 70 + random.nextInt(6000);
    }

    private record Duplicate(Object first, Object second) {
    }

    private record Raw(String json) {
    }

    private interface MemberChange {
        void apply(Map<String, Object> object, String key);
    }

    /** Applies {@code change} to a random member of a random object in the tree (the root, if it is one). */
    @SuppressWarnings("unchecked")
    private static Object onRandomMember(Object tree, Random random, MemberChange change) {
        List<Map<String, Object>> objects = new ArrayList<>();
        collect(tree, objects);
        if (objects.isEmpty()) {
            return tree;
        }
        Map<String, Object> object = objects.get(random.nextInt(objects.size()));
        if (object.isEmpty()) {
            object.put("extra", "x");
        }
        List<String> keys = new ArrayList<>(object.keySet());
        change.apply(object, keys.get(random.nextInt(keys.size())));
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> objects) {
        if (node instanceof Map<?, ?> map) {
            objects.add((Map<String, Object>) map);
            map.values().forEach(v -> collect(v, objects));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, objects));
        }
    }

    private static Object retyped(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "x";
            case 8 -> "600";
            case 9 -> new Raw("7");
            case 1 -> new Raw("12345678901234567890");
            case 2 -> Boolean.TRUE;
            case 3 -> new Raw("null");
            case 4 -> new ArrayList<>(List.of("a", 1L));
            case 5 -> new LinkedHashMap<String, Object>(Map.of("a", "b"));
            case 6 -> new Raw("-3.25");
            default -> "";
        };
    }

    private static String truncated(String text, Random random) {
        return text.isEmpty() ? text : text.substring(0, random.nextInt(text.length()));
    }

    private static byte[] withBadUtf8(byte[] body, Random random) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        byte[] out = new byte[body.length + insert.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(body, at, out, at + insert.length, body.length - at);
        return out;
    }

    static Object toTree(JsonValue value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((k, v) -> map.put(k, toTree(v)));
            return map;
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(v -> list.add(toTree(v)));
            return list;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return new Raw(number.toString());
        }
        return new Raw(value.toString());
    }

    static String write(Object node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(Object node, StringBuilder out) {
        if (node == null) {
            out.append("null");
        } else if (node instanceof Raw raw) {
            out.append(raw.json());
        } else if (node instanceof String string) {
            out.append(Json.createValue(string));
        } else if (node instanceof Boolean bool) {
            out.append(bool);
        } else if (node instanceof Long number) {
            out.append(number);
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (node instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object value = entry.getValue();
                for (Object one : value instanceof Duplicate d ? java.util.Arrays.asList(d.first(), d.second()) : java.util.Collections.singletonList(value)) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(Json.createValue((String) entry.getKey())).append(':');
                    write(one, out);
                }
            }
            out.append('}');
        }
    }
}

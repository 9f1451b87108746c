package io.huixun.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small lenient JSON reader for {@code <script type="application/ld+json">} blocks, and the lookups the extractor
 * needs from them ({@code headline}, {@code datePublished}, {@code author.name} of an article object, wherever it sits
 * in an {@code @graph} or array).
 *
 * <p>Why not a JSON library: core depends on the JDK, jsoup and the text libraries only (DESIGN §4), and JSON-LD in
 * the wild is often slightly broken (trailing commas, raw newlines in strings); a reader that tolerates those and
 * returns empty on anything worse is all extraction needs. Values: {@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Double}, {@code Boolean}, and {@link #NULL}. Stateless and thread-safe.
 */
final class JsonLdReader {
    static final Object NULL = new Object();
    private static final int MAX_DEPTH = 64;

    private final String s;
    private int i;

    private JsonLdReader(String s) {
        this.s = s;
    }

    /** The parsed value, or empty if the text is not (lenient) JSON. */
    static Optional<Object> parse(String text) {
        JsonLdReader r = new JsonLdReader(text.strip());
        try {
            Object v = r.value(0);
            return Optional.of(v);
        } catch (IllegalStateException | IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every JSON object in a value, depth first (the article may be nested in {@code @graph} or an array). */
    static List<Map<String, Object>> objects(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        collect(value, out, 0);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object v, List<Map<String, Object>> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (v instanceof Map<?, ?> m) {
            out.add((Map<String, Object>) m);
            for (Object child : m.values()) {
                collect(child, out, depth + 1);
            }
        } else if (v instanceof List<?> l) {
            for (Object child : l) {
                collect(child, out, depth + 1);
            }
        }
    }

    /** A string field, or the {@code name} of an object field, or the first of a list; empty if none. */
    static Optional<String> text(Map<String, Object> o, String key) {
        return textOf(o.get(key), 0);
    }

    private static Optional<String> textOf(Object v, int depth) {
        if (v == null || depth > 4) {
            return Optional.empty();
        }
        if (v instanceof String str) {
            return str.isBlank() ? Optional.empty() : Optional.of(str.strip());
        }
        if (v instanceof Map<?, ?> m) {
            Object name = m.get("name");
            return name != null ? textOf(name, depth + 1) : textOf(m.get("@id"), depth + 1);
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) {
                textOf(x, depth + 1).ifPresent(parts::add);
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("、", parts));
        }
        return Optional.empty();
    }

    /** True when the object's {@code @type} names an article kind (NewsArticle, Article, BlogPosting, Report…). */
    static boolean isArticle(Map<String, Object> o) {
        Object type = o.get("@type");
        List<Object> types = type instanceof List<?> l ? new ArrayList<>(l) : List.of(String.valueOf(type));
        for (Object t : types) {
            String name = String.valueOf(t);
            if (name.endsWith("Article") || name.equals("BlogPosting") || name.equals("Report")
                    || name.equals("WebPage") || name.equals("LiveBlogPosting")) {
                return true;
            }
        }
        return false;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        skip();
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"', '\'' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        while (true) {
            skip();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            String key = string();
            skip();
            expect(':');
            m.put(key, value(depth + 1));
            skip();
            if (s.charAt(i) == ',') {
                i++;
            } else if (s.charAt(i) != '}') {
                throw new IllegalStateException("expected , or }");
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        while (true) {
            skip();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            l.add(value(depth + 1));
            skip();
            if (s.charAt(i) == ',') {
                i++;
            } else if (s.charAt(i) != ']') {
                throw new IllegalStateException("expected , or ]");
            }
        }
    }

    private String string() {
        char quote = s.charAt(i);
        if (quote != '"' && quote != '\'') {
            throw new IllegalStateException("expected a string");
        }
        i++;
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == quote) {
                return b.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw new IllegalStateException("bad literal");
        }
        i += word.length();
        return v;
    }

    private Double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalStateException("unexpected character");
        }
        return Double.parseDouble(s.substring(start, i));
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalStateException("expected " + c);
        }
        i++;
    }

    private void skip() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                return;
            }
        }
    }
}

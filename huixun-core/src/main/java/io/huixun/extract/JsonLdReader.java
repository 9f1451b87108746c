package io.huixun.extract;

import io.huixun.text.json.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lookups extraction needs from {@code <script type="application/ld+json">} blocks ({@code headline},
 * {@code datePublished}, {@code author.name} of an article object, wherever it sits in an {@code @graph} or array).
 * The JSON itself is read by {@link JsonTree#parseLenient} (jackson-core), which accepts what pages really write:
 * trailing commas, comments, single quotes, raw line breaks in strings. Stateless and thread-safe.
 */
final class JsonLdReader {
    private static final int MAX_DEPTH = JsonTree.MAX_DEPTH;

    private JsonLdReader() {}

    /** The parsed value, or empty if the text is not (lenient) JSON. */
    static Optional<Object> parse(String text) {
        return JsonTree.parseLenient(text);
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
}

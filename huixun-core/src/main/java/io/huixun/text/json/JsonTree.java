package io.huixun.text.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON as plain values over jackson-core's streaming parser: objects become {@code Map<String, Object>} (insertion
 * order, the last of duplicate keys wins), arrays {@code List<Object>}, scalars String/Number/Boolean; JSON null is
 * left out. Depth is capped so hostile nesting cannot exhaust the stack. Stateless, thread-safe.
 *
 * <p>Two readings. {@link #parse} is strict JSON, one value and nothing after it (a JSON Feed must be valid).
 * {@link #parseLenient} reads JSON as pages write it in {@code <script type="application/ld+json">}: trailing commas
 * ({@code {"a":1,}}), {@code /* *}{@code /} and {@code //} comments, single-quoted strings and names, raw line
 * breaks and tabs inside strings, any character escaped ({@code "\/"}, {@code "\'"}), numbers such as {@code +1},
 * {@code .5}, {@code 1.} and {@code 01}, other Unicode spaces between tokens (U+3000, U+000B); it reads the first
 * value and ignores what follows ({@code {…};}). Example:
 * {@code {'headline':'标题',}} → {@code {headline=标题}}.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .build();
    /** Deeper nesting is refused (strict) or read as nothing (lenient). */
    public static final int MAX_DEPTH = 64;

    private JsonTree() {}

    /** Strict JSON: one value, nothing after it; the exception's message says what is wrong and where. */
    public static Object parse(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("empty document");
            }
            Object value = read(p, t, 0);
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON value at character "
                        + p.currentLocation().getCharOffset());
            }
            return value;
        }
    }

    /**
     * The first value of JSON as pages write it (see the class comment), or empty when even a lenient reading
     * fails, the text is blank, or the value is JSON null.
     */
    public static Optional<Object> parseLenient(String text) {
        Optional<Object> value = lenient(text);
        if (value.isEmpty()) {
            String spaced = otherSpacesAsAscii(text);
            if (!spaced.equals(text)) {
                value = lenient(spaced);
            }
        }
        return value;
    }

    private static Optional<Object> lenient(String text) {
        try (JsonParser p = LENIENT.createParser(text)) {
            JsonToken t = p.nextToken();
            return t == null ? Optional.empty() : Optional.ofNullable(read(p, t, 0));
        } catch (IOException e) { // JsonProcessingException included: malformed input is an answer here
            return Optional.empty();
        }
    }

    /**
     * Other spaces between tokens as ASCII spaces, strings left as they are: CMS templates put an ideographic space
     * or a vertical tab where JSON allows only space, tab and line breaks ({@code {"a":　"x"}} → {@code {"a": "x"}}),
     * and Jackson has no switch for that. Used only when the text did not parse as it is.
     */
    static String otherSpacesAsAscii(String text) {
        StringBuilder out = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c) && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? text : out.toString();
    }

    private static Object read(JsonParser p, JsonToken t, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("JSON nested deeper than " + MAX_DEPTH);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Object v = read(p, p.nextToken(), depth + 1);
                    if (v != null) {
                        m.put(name, v);
                    }
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken k;
                while ((k = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (k == null) {
                        throw new IOException("unterminated array");
                    }
                    Object v = read(p, k, depth + 1);
                    if (v != null) {
                        l.add(v);
                    }
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON token " + t);
        }
    }

    /** A non-blank string field, else empty. */
    public static Optional<String> string(Map<?, ?> m, String key) {
        return m.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** An object field, else empty. */
    public static Optional<Map<?, ?>> object(Map<?, ?> m, String key) {
        return m.get(key) instanceof Map<?, ?> o ? Optional.of(o) : Optional.empty();
    }

    /** An array field, else an empty list. */
    public static List<?> array(Map<?, ?> m, String key) {
        return m.get(key) instanceof List<?> l ? l : List.of();
    }
}

package io.huixun.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON reader over jackson-core's streaming parser: objects become {@code Map<String, Object>}, arrays
 * {@code List<Object>}, scalars String/Number/Boolean; JSON null is left out. Depth is capped so hostile nesting
 * cannot exhaust the stack. Stateless, thread-safe.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int MAX_DEPTH = 64;

    private JsonTree() {}

    static Object parse(String json) throws IOException {
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

    static Optional<String> string(Map<?, ?> m, String key) {
        return m.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    static Optional<Map<?, ?>> object(Map<?, ?> m, String key) {
        return m.get(key) instanceof Map<?, ?> o ? Optional.of(o) : Optional.empty();
    }

    static List<?> array(Map<?, ?> m, String key) {
        return m.get(key) instanceof List<?> l ? l : List.of();
    }
}

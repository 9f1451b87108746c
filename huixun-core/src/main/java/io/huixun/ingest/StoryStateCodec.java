package io.huixun.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.huixun.cluster.DocumentFrequencies;
import io.huixun.cluster.StoryState;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clusterer's working state as the text the store keeps: one JSON object per active story, one per day of
 * document frequencies. Example: {@code {"id":"s-7","title":"…","first":"2025-04-26T10:30:00Z","last":"…",
 * "members":3,"features":{"e:王毅":3},"sources":["新华网"]}}. Stateless and thread-safe.
 */
final class StoryStateCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private StoryStateCodec() {}

    static String write(StoryState s) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("id", s.id());
            g.writeStringField("title", s.title());
            g.writeStringField("first", s.first().toString());
            g.writeStringField("last", s.last().toString());
            g.writeNumberField("members", s.members());
            writeCounts(g, "features", s.features());
            g.writeArrayFieldStart("sources");
            for (String source : s.sources()) {
                g.writeString(source);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static StoryState readStory(String text) {
        Map<String, Object> f = read(text);
        @SuppressWarnings("unchecked")
        Map<String, Integer> features = (Map<String, Integer>) f.getOrDefault("features", Map.of());
        @SuppressWarnings("unchecked")
        Set<String> sources = new HashSet<>((List<String>) f.getOrDefault("sources", List.of()));
        return new StoryState((String) f.get("id"), (String) f.getOrDefault("title", ""),
                Instant.parse((String) f.get("first")), Instant.parse((String) f.get("last")),
                (Integer) f.get("members"), features, sources);
    }

    static String write(DocumentFrequencies.Day d) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("day", d.day().toString());
            g.writeNumberField("documents", d.documents());
            writeCounts(g, "counts", d.counts());
            g.writeEndObject();
        });
    }

    static DocumentFrequencies.Day readDay(String text) {
        Map<String, Object> f = read(text);
        @SuppressWarnings("unchecked")
        Map<String, Integer> counts = (Map<String, Integer>) f.getOrDefault("counts", Map.of());
        return new DocumentFrequencies.Day(LocalDate.parse((String) f.get("day")), (Integer) f.get("documents"),
                counts);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeCounts(JsonGenerator g, String name, Map<String, Integer> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** A flat object whose values are strings, ints, one level of {name: int} objects or string arrays. */
    private static Map<String, Object> read(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("stored story state is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT) {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        counts.put(key, p.getIntValue());
                    }
                    out.put(name, counts);
                } else if (t == JsonToken.START_ARRAY) {
                    List<String> values = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        values.add(p.getText());
                    }
                    out.put(name, values);
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    out.put(name, p.getIntValue());
                } else {
                    out.put(name, p.getText());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("stored story state is not readable JSON: " + e.getMessage(), e);
        }
        return out;
    }
}

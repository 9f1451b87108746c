package io.huixun.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.huixun.text.repair.Edit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The repair log as stored with an article: a JSON array of edits, each with the field it was made in
 * ({@code title} or {@code body}), its spans, kind, confidence and the text before and after. Example:
 * {@code [{"field":"body","kind":"PINYIN_ANNOTATION","in":[1,9],"out":[1,1],"confidence":0.97,"before":"(dāng)",}
 * {@code "after":""}]} (kinds are {@link io.huixun.text.repair.RepairKind} names).
 */
public final class RepairLog {
    private static final JsonFactory JSON = new JsonFactory();

    /** An edit as read back from the log. */
    public record Entry(String field, String kind, int inputStart, int inputEnd, double confidence, String before,
                        String after, int outputStart, int outputEnd) {
        /** An entry without output offsets (logs written before they were read back). */
        public Entry(String field, String kind, int inputStart, int inputEnd, double confidence, String before,
                     String after) {
            this(field, kind, inputStart, inputEnd, confidence, before, after, -1, -1);
        }
    }

    private RepairLog() {}

    static String write(List<Edit> titleEdits, List<Edit> bodyEdits) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            write(g, "title", titleEdits);
            write(g, "body", bodyEdits);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, String field, List<Edit> edits) throws IOException {
        for (Edit e : edits) {
            g.writeStartObject();
            g.writeStringField("field", field);
            g.writeStringField("kind", e.kind().name());
            g.writeArrayFieldStart("in");
            g.writeNumber(e.inputStart());
            g.writeNumber(e.inputEnd());
            g.writeEndArray();
            g.writeArrayFieldStart("out");
            g.writeNumber(e.outputStart());
            g.writeNumber(e.outputEnd());
            g.writeEndArray();
            g.writeNumberField("confidence", Math.round(e.confidence() * 1000) / 1000.0);
            g.writeStringField("before", e.before());
            g.writeStringField("after", e.after());
            g.writeEndObject();
        }
    }

    /** Reads a stored log; an unreadable log gives an empty list rather than failing the page that shows it. */
    public static List<Entry> read(String json) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String field = "", kind = "", before = "", after = "";
                int inStart = 0, inEnd = 0, outStart = -1, outEnd = -1;
                double confidence = 1;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "field" -> field = p.getText();
                        case "kind" -> kind = p.getText();
                        case "before" -> before = p.getText();
                        case "after" -> after = p.getText();
                        case "confidence" -> confidence = p.getDoubleValue();
                        case "in" -> {
                            p.nextToken();
                            inStart = p.getIntValue();
                            p.nextToken();
                            inEnd = p.getIntValue();
                            p.nextToken();
                        }
                        case "out" -> {
                            p.nextToken();
                            outStart = p.getIntValue();
                            p.nextToken();
                            outEnd = p.getIntValue();
                            p.nextToken();
                        }
                        default -> {
                            if (t.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
                entries.add(new Entry(field, kind, inStart, inEnd, confidence, before, after, outStart, outEnd));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return entries;
    }
}

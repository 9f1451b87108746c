package io.huixun.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.huixun.store.OriginalContent;
import io.huixun.text.time.NewsDates;
import io.huixun.text.time.NewsZone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One JSONL line → one candidate. Fields: {@code title}, {@code body} (or {@code body_markdown}, or {@code summary}
 * as a teaser), {@code date} (any form {@link NewsDates} reads: ISO date or date-time, RFC 1123,
 * {@code 2025年4月27日 10:30}; a date or time without zone is in {@link NewsZone#DEFAULT}),
 * {@code source}, {@code url}, optional {@code id}. The line's bytes are the original, so every field — known or
 * not — is kept. A line without a title and a body is refused with a message naming the missing field.
 */
final class JsonlItems {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonlItems() {}

    /** @return the candidate, or a one-line reason it cannot be one */
    static Result parse(String line, String origin, OptionalLong sourceId) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Result.Invalid("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    fields.put(name, p.getText());
                } else if (value.isStructStart()) {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return new Result.Invalid("malformed JSON: " + firstLine(e.getMessage()));
        }
        String title = fields.getOrDefault("title", "").strip();
        String body = fields.getOrDefault("body", fields.getOrDefault("body_markdown", "")).strip();
        boolean teaser = false;
        if (body.isEmpty() && fields.containsKey("summary")) {
            body = fields.get("summary").strip();
            teaser = true;
        }
        if (title.isEmpty() && body.isEmpty()) {
            return new Result.Invalid("no \"title\" and no \"body\"");
        }
        Optional<String> url = Optional.ofNullable(fields.get("url")).map(String::strip).filter(u -> !u.isEmpty());
        if (url.isEmpty() && fields.containsKey("id")) {
            url = Optional.of("urn:huixun:jsonl:" + fields.get("id").strip());
        }
        Optional<ZonedDateTime> published = Optional.empty();
        String date = fields.getOrDefault("date", fields.getOrDefault("published", ""));
        if (!date.isBlank()) {
            published = NewsDates.parse(date, NewsZone.DEFAULT);
            if (published.isEmpty()) {
                return new Result.Invalid("unreadable \"date\": " + clip(date));
            }
        }
        OriginalContent original = new OriginalContent(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return new Result.Ok(new Candidate(origin, url, sourceId, fields.getOrDefault("source", "").strip(), title,
                body, published, teaser, original));
    }

    sealed interface Result {
        record Ok(Candidate candidate) implements Result {}

        record Invalid(String reason) implements Result {}
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

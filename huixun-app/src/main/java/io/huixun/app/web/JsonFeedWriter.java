package io.huixun.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes JSON Feed 1.1 documents (https://jsonfeed.org/version/1.1) with Jackson, which escapes every string.
 * Example item: {@code {"id":"…/article/7","url":"…/article/7","title":"…","summary":"…",
 * "date_published":"2026-01-05T08:00:00+08:00","authors":[{"name":"新华网"}]}}. Thread-safe (a shared, unchanged
 * {@link ObjectMapper}).
 */
public final class JsonFeedWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedWriter() {
    }

    public static String write(String title, String homeUrl, String feedUrl, List<FeedItem> items) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", FeedWriter.clean(title));
        feed.put("home_page_url", homeUrl);
        feed.put("feed_url", feedUrl);
        feed.put("language", "zh-CN");
        ArrayNode out = feed.putArray("items");
        for (FeedItem item : items) {
            ObjectNode i = out.addObject();
            i.put("id", item.id());
            i.put("url", item.link());
            i.put("title", FeedWriter.clean(item.title()));
            i.put("content_text", FeedWriter.clean(item.summary()));
            if (item.published() != null) {
                i.put("date_published", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.published()));
            }
            if (item.source() != null && !item.source().isBlank()) {
                i.putArray("authors").addObject().put("name", FeedWriter.clean(item.source()));
            }
        }
        try {
            return JSON.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}

package io.huixun.app.web;

import java.time.OffsetDateTime;

/** One entry of an outgoing RSS/Atom feed. {@code link} is absolute. */
public record FeedItem(String id, String title, String link, String summary, OffsetDateTime published, String source) {}

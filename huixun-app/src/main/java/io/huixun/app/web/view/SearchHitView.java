package io.huixun.app.web.view;

/**
 * A search hit. {@code snippetHtml} is escaped text in which only {@code <mark>} tags mark the matched words; it is
 * built by {@link io.huixun.app.web.NewsDesk} implementations and safe to insert as HTML.
 */
public record SearchHitView(ArticleCard card, String snippetHtml) {}

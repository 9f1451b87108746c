package io.huixun.app.web;

import io.huixun.app.web.view.ArticleView;
import io.huixun.app.web.view.FrontPageView;
import io.huixun.app.web.view.SearchView;
import io.huixun.app.web.view.StoryView;
import io.huixun.store.Source;
import java.util.List;
import java.util.Optional;

/**
 * Everything the web UI and the API read and do, behind one interface, so that routes hold no storage or index
 * logic. Implementations must be thread-safe; every method answers bad input with a value (an empty Optional, a
 * {@link SearchView#problem()}, a message) rather than an exception.
 */
public interface NewsDesk {

    FrontPageView front(Optional<String> source, Optional<String> category);

    Optional<ArticleView> article(long id);

    Optional<StoryView> story(String id);

    /** @param sort "relevance" or "time"; page from 0; size 1..100 */
    /** A page of results with the facets (what the HTML search page shows). */
    default SearchView search(String query, String sort, int page, int size) {
        return search(query, sort, page, size, true);
    }

    /** A page of results; facets are counted only when {@code facets} (they cost most on broad queries). */
    SearchView search(String query, String sort, int page, int size, boolean facets);

    /** Items for a feed: the front page's latest news when {@code query} is empty, else the newest search hits. */
    List<FeedItem> feed(Optional<String> query, String baseUrl, int limit);

    /** A story's articles as feed items, newest first; empty when there is no such story. */
    Optional<List<FeedItem>> storyFeed(String storyId, String baseUrl);

    List<Source> sources();

    /** Adds a source by URL (feed, sitemap or page, told apart by fetching it later); a message for the operator. */
    String addSource(String url);

    /** Adds every feed of an OPML document; a message saying how many were added. */
    String importOpml(String opml);

    boolean pauseSource(long id, boolean paused);

    boolean removeSource(long id);

    /** Counts for /health: articles stored, documents indexed, sources. */
    Health health();

    /** @param consistent store and index agree (the start-up check passed or repaired them) */
    record Health(long articles, long indexed, int sources, boolean consistent) {}
}

package io.huixun.app.web;

import io.huixun.app.web.view.ArticleView;
import io.huixun.app.web.view.FrontPageView;
import io.huixun.app.web.view.SearchView;
import io.huixun.app.web.view.StoryView;
import io.huixun.app.web.view.SourcesView;
import io.huixun.store.Source;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
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

    /**
     * The newest canonical articles, {@code limit} of them, after article {@code beforeId} in newest-first order
     * (0: from the newest). A cursor, not an offset: page 1,000 costs what page 1 does.
     */
    List<io.huixun.app.web.view.ArticleCard> recent(long beforeId, int limit);

    /**
     * A page of canonical articles of one source and/or category (label or name), by cursor: see
     * {@code ArticleStore.listPage}. Empty when the category is unknown.
     */
    List<io.huixun.app.web.view.ArticleCard> articles(Optional<String> source, Optional<String> category,
                                                      java.util.OptionalLong before, java.util.OptionalLong after,
                                                      int limit);

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

    /**
     * One page of sources for the sources page: {@code size} sources after id {@code after} (0: from the start),
     * or, when {@code before > 0}, the {@code size} sources before that id.
     */
    SourcesView sourcesPage(long after, long before, int size);

    /**
     * Adds a source by URL (feed, sitemap or page, told apart by fetching it later), named {@code name} or else by
     * the feed's own title (else its host), refreshed every {@code every}; a notice for the operator.
     */
    Notice addSource(String url, Optional<String> name, Duration every);

    /** Adds every feed of an OPML document, each named by its outline's title; a notice saying how many. */
    Notice importOpml(byte[] opml, Duration every);

    /** Writes every source as an OPML 2.0 subscription list. */
    void exportOpml(Writer out) throws IOException;

    boolean setRefreshInterval(long id, Duration every);

    boolean pauseSource(long id, boolean paused);

    boolean removeSource(long id);

    /** Counts for /health: articles stored, documents indexed, sources. */
    Health health();

    /** @param consistent store and index agree (the start-up check passed or repaired them) */
    record Health(long articles, long indexed, int sources, boolean consistent) {}
}

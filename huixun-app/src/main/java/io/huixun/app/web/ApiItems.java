package io.huixun.app.web;

import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleSummary;
import io.huixun.store.Source;
import io.huixun.store.reader.Folder;
import io.huixun.store.reader.Follow;
import io.huixun.store.reader.FollowKind;
import io.huixun.store.reader.ItemState;
import io.huixun.store.reader.ReaderStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Gathers what the reader-app APIs (Google Reader, Fever) show of articles: text, source, the reader's state, the
 * folder of the source. One look-up per kind of data per page (summaries, states, follows), plus the text of each
 * article on the page (pages are at most {@value #MAX_PAGE}); nothing here depends on the size of the store.
 *
 * <p>Thread-safe: stateless apart from the thread-safe store.
 */
final class ApiItems {
    static final int MAX_PAGE = 1000;

    /** One article as an app sees it. {@code folder} is the label of its source's follow, if filed. */
    record Item(long id, String title, String url, String source, String html, long publishedSeconds,
                long crawledMillis, OptionalLong sourceId, Optional<Source> feed, Optional<String> folder,
                boolean read, boolean starred) {
    }

    private final ArticleStore store;
    private final ReaderStore readers;

    ApiItems(ArticleStore store) {
        this.store = store;
        this.readers = store.readers();
    }

    /** The items of these ids for this reader, in the order given; unknown ids are left out. */
    List<Item> items(long userId, List<Long> ids, String baseUrl) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ItemState> states = readers.states(userId, ids);
        Map<Long, ArticleSummary> summaries = new HashMap<>();
        for (ArticleSummary s : store.summaries(ids)) {
            summaries.put(s.id(), s);
        }
        Map<Long, Optional<String>> folderOfSource = foldersBySource(userId);
        Map<Long, Optional<Source>> sources = new HashMap<>();
        List<Item> out = new ArrayList<>();
        for (long id : ids) {
            ArticleSummary a = summaries.get(id);
            ItemState st = states.get(id);
            if (a == null || st == null) {
                continue;
            }
            Optional<Source> feed = st.sourceId().isPresent()
                    ? sources.computeIfAbsent(st.sourceId().getAsLong(), store::findSource) : Optional.empty();
            long crawled = st.ingestedAt();
            long published = a.published().map(p -> p.toEpochSecond()).orElse(crawled / 1000);
            String url = a.url().filter(u -> u.startsWith("http://") || u.startsWith("https://"))
                    .orElse(baseUrl + "/article/" + id);
            Optional<String> folder = st.sourceId().isPresent()
                    ? folderOfSource.getOrDefault(st.sourceId().getAsLong(), Optional.empty()) : Optional.empty();
            out.add(new Item(id, a.title(), url, a.source(), html(store.canonicalText(id).orElse("")), published,
                    crawled, st.sourceId(), feed, folder, st.read(), st.starred()));
        }
        return out;
    }

    /** Source id → the name of the folder its follow is filed in (the reader's follows are few). */
    Map<Long, Optional<String>> foldersBySource(long userId) {
        Map<Long, String> folderNames = new HashMap<>();
        for (Folder f : readers.folders(userId)) {
            folderNames.put(f.id(), f.name());
        }
        Map<Long, Optional<String>> out = new HashMap<>();
        for (Follow f : readers.follows(userId)) {
            if (f.kind() == FollowKind.SOURCE && f.sourceId().isPresent()) {
                out.put(f.sourceId().getAsLong(), f.folderId().isPresent()
                        ? Optional.ofNullable(folderNames.get(f.folderId().getAsLong())) : Optional.empty());
            }
        }
        return out;
    }

    /** Plain text as HTML paragraphs, escaped: "甲<乙\n丙" → {@code <p>甲&lt;乙</p><p>丙</p>}. */
    static String html(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            out.append("<p>").append(escape(line.strip())).append("</p>");
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

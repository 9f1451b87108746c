package io.huixun.ingest;

import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.store.OriginalContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A feed entry as a candidate article: its content when the feed carries it, else its summary as a teaser. */
final class FeedCandidates {
    private FeedCandidates() {}

    /** @param feed the feed the entry came from (its title names the source), or null when unknown */
    static Candidate of(FeedEntry entry, String origin, Feed feed, OptionalLong sourceId) {
        Optional<String> content = entry.contentHtml().map(FeedCandidates::htmlToText).filter(c -> !c.isBlank());
        String body = content.orElse(entry.summary());
        boolean teaser = content.isEmpty();
        String raw = entry.title() + "\n" + body;
        return new Candidate(origin, entry.url().map(URI::toString).or(entry::id), sourceId,
                feed == null ? "" : feed.title(), entry.title(), body, entry.published(), teaser,
                new OriginalContent(raw.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    /** Feed content is HTML: one line per paragraph (or block), markup dropped. */
    static String htmlToText(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        List<String> paragraphs = new ArrayList<>();
        for (org.jsoup.nodes.Element e : doc.body().select("p, h1, h2, h3, h4, li, blockquote")) {
            String t = e.text().strip();
            if (!t.isEmpty() && e.select("p, li").size() <= (e.is("p, li") ? 1 : 0)) {
                paragraphs.add(t);
            }
        }
        return paragraphs.isEmpty() ? doc.body().text().strip() : String.join("\n", paragraphs);
    }
}

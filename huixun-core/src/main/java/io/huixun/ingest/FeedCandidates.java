package io.huixun.ingest;

import io.huixun.source.Enclosure;
import io.huixun.source.EntryText;
import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.store.ArticleMedia;
import io.huixun.store.OriginalContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A feed entry as a candidate article: its content when the feed carries it, else its summary as a teaser
 * ({@link EntryText#assess} judges which).
 */
final class FeedCandidates {
    /** Media kept per article: a feed listing hundreds of files per entry does not fill the store. */
    static final int MAX_MEDIA = 20;
    private FeedCandidates() {}

    /** @param feed the feed the entry came from (its title names the source), or null when unknown */
    static Candidate of(FeedEntry entry, String origin, Feed feed, OptionalLong sourceId) {
        EntryText.FeedSide side = EntryText.assess(entry);
        String raw = entry.title() + "\n" + side.text();
        return new Candidate(origin, entry.url().map(URI::toString).or(entry::id), sourceId,
                feed == null ? "" : feed.title(), entry.title(), side.text(), entry.published(), side.teaser(),
                new OriginalContent(raw.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .withMedia(media(entry));
    }

    /**
     * The entry's lead image first, then its enclosures, http(s) only, at most {@value #MAX_MEDIA}.
     * Example: thumbnail t.jpg, enclosures [a.mp3] → [LEAD_IMAGE t.jpg, AUDIO a.mp3].
     */
    static List<ArticleMedia> media(FeedEntry entry) {
        List<ArticleMedia> out = new ArrayList<>();
        entry.image().map(URI::toString).filter(ArticleMedia::storable)
                .ifPresent(u -> out.add(new ArticleMedia(u, ArticleMedia.Kind.LEAD_IMAGE, Optional.empty())));
        for (Enclosure e : entry.enclosures()) {
            String u = e.url().toString();
            if (out.size() >= MAX_MEDIA || !ArticleMedia.storable(u)) {
                continue;
            }
            ArticleMedia.Kind kind = switch (e.kind()) {
                case IMAGE -> ArticleMedia.Kind.IMAGE;
                case AUDIO -> ArticleMedia.Kind.AUDIO;
                case VIDEO -> ArticleMedia.Kind.VIDEO;
                case OTHER -> ArticleMedia.Kind.OTHER;
            };
            out.add(new ArticleMedia(u, kind, e.mimeType()));
        }
        return out;
    }
}

package io.huixun.ingest;

import io.huixun.source.EntryText;
import io.huixun.source.Feed;
import io.huixun.source.FeedEntry;
import io.huixun.store.OriginalContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * A feed entry as a candidate article: its content when the feed carries it, else its summary as a teaser
 * ({@link EntryText#assess} judges which).
 */
final class FeedCandidates {
    private FeedCandidates() {}

    /** @param feed the feed the entry came from (its title names the source), or null when unknown */
    static Candidate of(FeedEntry entry, String origin, Feed feed, OptionalLong sourceId) {
        EntryText.FeedSide side = EntryText.assess(entry);
        String raw = entry.title() + "\n" + side.text();
        return new Candidate(origin, entry.url().map(URI::toString).or(entry::id), sourceId,
                feed == null ? "" : feed.title(), entry.title(), side.text(), entry.published(), side.teaser(),
                new OriginalContent(raw.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}

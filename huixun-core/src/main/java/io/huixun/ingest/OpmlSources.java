package io.huixun.ingest;

import io.huixun.source.ParseResult;
import io.huixun.source.SourceParser;
import io.huixun.source.Subscription;
import io.huixun.store.ArticleStore;
import io.huixun.store.NewSource;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An OPML file given to {@code huixun ingest} (or fetched from a URL) is a list of feeds, not an article: each feed
 * becomes a source, named by its outline's title, and is gathered by the refresher like any other source.
 * Stateless and thread-safe.
 */
final class OpmlSources {
    static final Duration DEFAULT_REFRESH = Duration.ofMinutes(30);

    private OpmlSources() {}

    static IngestReport register(byte[] opml, String origin, ArticleStore store) {
        return switch (SourceParser.opml(opml)) {
            case ParseResult.Malformed<List<Subscription>> bad -> IngestReport.problem(origin,
                    "not a readable OPML file: " + bad.reason());
            case ParseResult.Parsed<List<Subscription>> ok -> {
                IngestReport report = IngestReport.EMPTY;
                int added = 0;
                for (Subscription s : ok.value()) {
                    String name = s.title().isBlank() ? Optional.ofNullable(s.feedUrl().getHost()).orElse(s.feedUrl()
                            .toString()) : s.title().strip();
                    SourceAddResult r = store.addSource(new NewSource(name, s.feedUrl().toString(), SourceKind.FEED,
                            Optional.empty(), DEFAULT_REFRESH));
                    if (r instanceof SourceAddResult.Added) {
                        added++;
                    } else if (r instanceof SourceAddResult.Rejected x) {
                        report = report.plus(IngestReport.problem(origin + " (" + s.feedUrl() + ")",
                                "not added as a source: " + x.message()));
                    }
                }
                yield report.plus(IngestReport.sourcesAdded(added));
            }
        };
    }
}

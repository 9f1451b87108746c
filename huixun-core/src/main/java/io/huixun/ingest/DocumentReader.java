package io.huixun.ingest;

import io.huixun.extract.ArticleExtractor;
import io.huixun.extract.ExtractOptions;
import io.huixun.extract.Extraction;
import io.huixun.extract.RawDocument;
import io.huixun.model.Article;
import io.huixun.store.OriginalContent;
import io.huixun.text.time.NewsZone;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A page or a local document → its articles as candidates (one for a page, several for a portal dump).
 *
 * <p>Originals per item: a page keeps its bytes as its original; a portal dump's items each keep their own raw text
 * (in the document's charset) and the address {@code …#item-N}, so re-reading the same input stores nothing twice.
 * Immutable and thread-safe.
 */
final class DocumentReader {
    private final Clock clock;

    DocumentReader(Clock clock) {
        this.clock = clock;
    }

    /** The document's articles, without accepting them (a crawler weighs a page against its feed entry first). */
    Extraction extract(RawDocument document) {
        return new ArticleExtractor(new ExtractOptions(ZonedDateTime.now(clock), NewsZone.DEFAULT))
                .extract(document);
    }

    IngestReport read(RawDocument document, String address, OptionalLong sourceId, ArticleSink sink) {
        return switch (extract(document)) {
            case Extraction.Unreadable u -> IngestReport.problem(document.name(), u.reason());
            case Extraction.Extracted x -> {
                IngestReport report = IngestReport.EMPTY;
                List<Article> articles = x.articles();
                Charset charset = charsetOr(x.charset());
                boolean single = articles.size() == 1;
                // An undated item of a portal dump takes the date of the page it came from (its lead's).
                Optional<java.time.ZonedDateTime> pageDate = articles.stream().map(Article::published)
                        .flatMap(Optional::stream).findFirst();
                for (int i = 0; i < articles.size(); i++) {
                    Article a = articles.get(i);
                    boolean inherits = !single && a.published().isEmpty() && pageDate.isPresent();
                    String url = single ? a.canonicalUrl().map(URI::toString).orElse(address)
                            : address + "#item-" + (i + 1);
                    OriginalContent original = single ? new OriginalContent(document.bytes(), charset)
                            : new OriginalContent((a.title() + "\n" + a.body()).getBytes(charset), charset);
                    report = report.plus(sink.accept(new Candidate(document.name() + (single ? "" : " item " + (i + 1)),
                            Optional.of(url), sourceId, a.source().orElse(""), a.title(), a.body(),
                            inherits ? pageDate : a.published(), a.teaser(), original, inherits)
                            .withMedia(PageMedia.of(a.images()))));
                }
                yield report;
            }
        };
    }

    private static Charset charsetOr(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}

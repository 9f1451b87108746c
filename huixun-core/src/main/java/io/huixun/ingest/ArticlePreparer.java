package io.huixun.ingest;

import io.huixun.dedup.Deduplicator;
import io.huixun.dedup.Fingerprint;
import io.huixun.nlp.ArticleAnalyzer;
import io.huixun.nlp.Understanding;
import io.huixun.store.NewArticle;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.RepairResult;
import io.huixun.text.repair.TextRepairer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.OptionalLong;

/**
 * The CPU-heavy half of accepting an article, done before the writer is involved: repair, the de-duplication
 * fingerprint and the understanding (entities, keywords, dateline, summary, category).
 *
 * <p>Why a stage of its own: none of this needs the store or the index, so it runs on whatever thread found the
 * candidate (a refresh task, an ingest worker), in parallel, and the single {@link ArticleWriter} only does what must
 * be serial. Example: a pinyin-spammed traditional copy {@code 當(dāng)地} leaves here as {@code 当地} with its repair
 * log, its fingerprint and its entities; whether it is a copy is decided by the writer.
 *
 * <p>Immutable and thread-safe: every collaborator is (TextRepairer, Deduplicator and ArticleAnalyzer say so).
 */
final class ArticlePreparer {
    private final TextRepairer repairer = TextRepairer.create(RepairOptions.DEFAULT);
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final Deduplicator deduplicator;
    private final Clock clock;

    ArticlePreparer(Deduplicator deduplicator, Clock clock) {
        this.deduplicator = deduplicator;
        this.clock = clock;
    }

    PreparedArticle prepare(Candidate c) {
        RepairResult title = repairer.repair(c.title());
        RepairResult body = repairer.repair(c.body());
        String source = repairer.repair(c.source()).repaired();
        String canonical = body.repaired();
        Fingerprint fingerprint = deduplicator.fingerprint(canonical.isEmpty() ? title.repaired() : canonical);
        NewArticle article = new NewArticle(c.url(), c.sourceId(), source, title.repaired(), c.published(),
                c.teaser(), c.original(), canonical, RepairLog.write(title.edits(), body.edits()), fingerprint,
                OptionalLong.empty()); // the writer links it to its group
        boolean clean = title.edits().isEmpty() && body.edits().isEmpty();
        return new PreparedArticle(c.origin(), article, understand(article.title(), canonical, c.published()),
                clean, c.datedByPage(), c.media());
    }

    /** Understands a stored article again (reindexing an article stored before understandings were kept). */
    Understanding understand(String title, String text, java.util.Optional<ZonedDateTime> published) {
        LocalDate reference = published.map(ZonedDateTime::toLocalDate)
                .orElse(LocalDate.ofInstant(clock.instant(), JsonlItems.SHANGHAI));
        return analyzer.analyze(title, text, reference);
    }

    /** A candidate ready for the writer. */
    record PreparedArticle(String origin, NewArticle article, Understanding understanding, boolean clean,
                           boolean datedByPage, java.util.List<io.huixun.store.ArticleMedia> media) {}
}

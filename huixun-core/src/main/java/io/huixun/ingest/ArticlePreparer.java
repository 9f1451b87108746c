package io.huixun.ingest;

import io.huixun.dedup.Deduplicator;
import io.huixun.dedup.Fingerprint;
import io.huixun.nlp.ArticleAnalyzer;
import io.huixun.nlp.Understanding;
import io.huixun.search.KnownWords;
import io.huixun.store.NewArticle;
import io.huixun.text.repair.RepairOptions;
import io.huixun.text.repair.RepairResult;
import io.huixun.text.repair.TextRepairer;
import io.huixun.text.time.NewsZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
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
 * <p>Bounded cost per article (issue 12): a body longer than {@link #MAX_ARTICLE_CHARS} is {@link Refused} before
 * any work is done (one line naming the limit and where the item came from), and understanding (entities, keywords,
 * summary) reads at most the first {@link #ANALYSIS_PREFIX_CHARS} characters, cut after a sentence; the whole text is
 * still repaired, fingerprinted, stored and indexed. Example: a 2.2 MB page is refused in microseconds instead of
 * holding a worker for minutes in name recognition; a 60,000-character report is understood from its first 20,000.
 *
 * <p>Segment once (issue 12): the words HanLP found for understanding travel with the article ({@link KnownWords}),
 * and the index makes its terms from them instead of segmenting again in the serial writer.
 *
 * <p>Immutable and thread-safe: every collaborator is (TextRepairer, Deduplicator and ArticleAnalyzer say so).
 */
final class ArticlePreparer {
    /** The longest body accepted, in characters: 4.5× the longest of the 24,010 CCTV reports (22,337). */
    static final int MAX_ARTICLE_CHARS = 100_000;
    /** How much of a body understanding reads, in characters (the CCTV pool: 99% of bodies are under 1,900). */
    static final int ANALYSIS_PREFIX_CHARS = 20_000;

    /**
     * Loaded on a thread of its own (its character model takes about a second of CPU), started by the first
     * preparation or by {@link #startLoading()} (the pipeline calls it before its first preparation), so that
     * opening an installation does not wait for it and a process that only reads never loads it.
     */
    private final java.util.concurrent.CompletableFuture<TextRepairer> repairerLoad =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean();
    private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
    private final Deduplicator deduplicator;
    private final Clock clock;

    ArticlePreparer(Deduplicator deduplicator, Clock clock) {
        this.deduplicator = deduplicator;
        this.clock = clock;
    }

    /** Prepares a candidate, or refuses it when its body is over {@link #MAX_ARTICLE_CHARS}. */
    Prepared prepare(Candidate c) {
        if (c.body().length() > MAX_ARTICLE_CHARS) {
            return new Refused(c.origin(), String.format("article too long: %,d characters, over the limit of %,d per"
                    + " article; not stored", c.body().length(), MAX_ARTICLE_CHARS));
        }
        startLoading();
        TextRepairer repairer = repairerLoad.join();
        RepairResult title = repairer.repair(c.title());
        RepairResult body = repairer.repair(c.body());
        String source = repairer.repair(c.source()).repaired();
        String canonical = body.repaired();
        Fingerprint fingerprint = deduplicator.fingerprint(canonical.isEmpty() ? title.repaired() : canonical);
        Optional<ZonedDateTime> published = believable(c.published(), clock.instant());
        NewArticle article = new NewArticle(c.url(), c.sourceId(), source, title.repaired(), published,
                c.teaser(), c.original(), canonical, RepairLog.write(title.edits(), body.edits()), fingerprint,
                OptionalLong.empty()); // the writer links it to its group
        boolean clean = title.edits().isEmpty() && body.edits().isEmpty();
        ArticleAnalyzer.Reading reading = read(article.title(), canonical, published);
        return new PreparedArticle(c.origin(), article, reading.understanding(),
                new KnownWords(reading.titleWords(), reading.bodyWords()), clean, c.datedByPage(), c.media());
    }

    /** How far past the ingestion time a publication date is still believed (time zones, posts scheduled ahead). */
    static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofDays(1);

    /**
     * The publication date, unless it lies more than {@link #FUTURE_TOLERANCE} after {@code now} or in 1970 or
     * before: such a date is a mistake (a misread year, a feed's placeholder such as 2099-01-01 or the zero timestamp
     * 1970-01-01), and the article is stored undated (the page's own text, with the date, stays in its original
     * bytes). Believed, a future date would have topped every listing for years, moved the story clock so far ahead
     * that every open story closed, and aged every other story on the front page; a zero one sinks the article to the
     * end of every listing.
     */
    static Optional<ZonedDateTime> believable(Optional<ZonedDateTime> published, java.time.Instant now) {
        return published.filter(p -> !p.toInstant().isAfter(now.plus(FUTURE_TOLERANCE)))
                .filter(p -> p.toInstant().isAfter(LAST_PLACEHOLDER));
    }

    /** The end of 1970 (UTC): dates up to it are the zero timestamp of a feed or a server, not news. */
    private static final java.time.Instant LAST_PLACEHOLDER = java.time.Instant.parse("1971-01-01T00:00:00Z");

    /** Starts loading the repair model in the background, once; later calls do nothing. */
    void startLoading() {
        if (!loading.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("repair-model-load").start(() -> {
            try {
                repairerLoad.complete(TextRepairer.create(RepairOptions.DEFAULT));
            } catch (Throwable t) {
                repairerLoad.completeExceptionally(t);
            }
        });
    }

    /** Understands a stored article again (reindexing an article stored before understandings were kept). */
    Understanding understand(String title, String text, java.util.Optional<ZonedDateTime> published) {
        return read(title, text, published).understanding();
    }

    /**
     * The understanding and the words segmented for it, which the index reuses (segment once). A body longer than
     * {@link #ANALYSIS_PREFIX_CHARS} is understood from its prefix, so its words are of the prefix and the index
     * segments the whole body itself.
     */
    private ArticleAnalyzer.Reading read(String title, String text, java.util.Optional<ZonedDateTime> published) {
        LocalDate reference = published.map(ZonedDateTime::toLocalDate)
                .orElse(LocalDate.ofInstant(clock.instant(), NewsZone.DEFAULT));
        return analyzer.read(title, analysisPrefix(text), reference);
    }

    /**
     * The part of a text that understanding reads: all of it up to {@link #ANALYSIS_PREFIX_CHARS}, else the prefix up
     * to the last sentence end or line break within the limit (the hard limit when there is none).
     * "甲。乙。丙" with a limit of 4 → "甲。乙。".
     */
    static String analysisPrefix(String text) {
        return prefix(text, ANALYSIS_PREFIX_CHARS);
    }

    static String prefix(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        for (int i = limit - 1; i >= limit / 2; i--) {
            char ch = text.charAt(i);
            if (ch == '。' || ch == '！' || ch == '？' || ch == '\n' || ch == '.') {
                return text.substring(0, i + 1);
            }
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end);
    }

    /** What preparing a candidate gave: an article for the writer, or a refusal. */
    sealed interface Prepared permits PreparedArticle, Refused {
        String origin();
    }

    /** A candidate ready for the writer. */
    record PreparedArticle(String origin, NewArticle article, Understanding understanding, KnownWords words,
                           boolean clean,
                           boolean datedByPage, java.util.List<io.huixun.store.ArticleMedia> media)
            implements Prepared {}

    /** A candidate not accepted, and why in one sentence ("article too long: …"). */
    record Refused(String origin, String reason) implements Prepared {}
}

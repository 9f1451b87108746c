package io.huixun.store;

import io.huixun.dedup.Fingerprint;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Durable storage of articles (original, canonical text, repair log, de-duplication fingerprint and link) and of
 * the sources they are fetched from.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Idempotent saves: URL and content hash (SHA-256 of the original bytes) are unique keys; saving an article
 *       that matches either writes nothing and answers {@link SaveResult.AlreadyStored}.</li>
 *   <li>Durable acknowledgement: once {@link #save} or {@link #saveAll} returns, the rows are committed and survive
 *       the process being killed.</li>
 *   <li>A duplicate always links straight to its group's canonical article (no chains).</li>
 *   <li>Thread-safe: writes are serialised (one writer at a time), reads may run concurrently with them.</li>
 *   <li>Every {@link Stream} returned holds database resources: close it (try-with-resources).</li>
 * </ul>
 * Times are {@link Instant}s at millisecond precision; publish times keep their zone.
 */
public interface ArticleStore extends AutoCloseable {

    /** Saves one article in its own transaction. */
    SaveResult save(NewArticle article);

    /**
     * Saves articles in one transaction (much faster than one by one); the results are in input order. Articles
     * rejected or already stored do not stop the others.
     */
    List<SaveResult> saveAll(List<NewArticle> articles);

    Optional<StoredArticle> find(long id);

    /**
     * Keeps the pictures and recordings attached to article {@code articleId} (in order; URLs that are not http(s) or
     * too long are skipped). Stores that keep none ignore them.
     */
    default void saveMedia(long articleId, List<ArticleMedia> media) {}

    /** The media kept for an article, in the order saved; empty when none or the store keeps none. */
    default List<ArticleMedia> media(long articleId) {
        return List.of();
    }

    /** The lead image URL of each of {@code articleIds} that has one (one indexed query, whatever the store's size). */
    default Map<Long, String> leadImages(Collection<Long> articleIds) {
        return Map.of();
    }

    /** Just the canonical text of article {@code id} (cheaper than {@link #find}); for dedup verification. */
    Optional<String> canonicalText(long id);

    /**
     * Just the de-duplication fingerprint of article {@code id}: the dedup index keeps 8 bits of each hash and looks
     * up the whole fingerprint of its few likely matches here.
     */
    Optional<Fingerprint> fingerprint(long id);

    Optional<StoredArticle> findByUrl(String url);

    /** Whether an article with address {@code url} is stored; what a crawler asks before fetching (no row is read). */
    default boolean hasUrl(String url) {
        return findByUrl(url).isPresent();
    }

    Optional<StoredArticle> findByContentHash(ContentHash hash);

    /**
     * Most recent first (by publish time, or ingest time when unknown; ties by id, newest first).
     *
     * @param canonicalOnly leave out articles that are duplicates of another
     * @param offset        rows to skip, ≥ 0
     * @param limit         rows to return, 1..1000
     */
    List<ArticleSummary> listRecent(boolean canonicalOnly, int offset, int limit);

    /** Most recent first, filtered; same ordering and bounds as {@link #listRecent(boolean, int, int)}. */
    List<ArticleSummary> listRecent(RecentFilter filter, int offset, int limit);

    /**
     * The {@code limit} most recent articles after article {@code beforeId} in the {@link #listRecent} order (a
     * keyset cursor: the cost is the page, whatever the depth). Empty when there is no such article.
     */
    List<ArticleSummary> listRecentBefore(boolean canonicalOnly, long beforeId, int limit);

    /**
     * A page of a filtered listing by keyset, costing the same at any depth: without cursors the newest
     * {@code limit}; with {@code beforeId} the next older ones, newest first; with {@code afterId} the next newer
     * ones, <em>oldest first</em> (what a client polling for new articles reads on). Order: publication order
     * ({@code sort_at}, then id), as the front page lists.
     */
    List<ArticleSummary> listPage(RecentFilter filter, java.util.OptionalLong beforeId, java.util.OptionalLong afterId,
                                  int limit);

    /** The summaries of these articles, in the order of {@code ids}; unknown ids are left out. */
    List<ArticleSummary> summaries(List<Long> ids);

    /** For each canonical id, how many copies link to it (absent when none). */
    Map<Long, Integer> copyCounts(Collection<Long> canonicalIds);

    /** The publisher names of the newest 2,000 canonical articles, most articles first, at most {@code limit}. */
    List<String> publishers(int limit);

    /** Stores (or replaces) what the understanding stage found in article {@code articleId}. */
    void saveUnderstanding(StoredUnderstanding understanding);

    Optional<StoredUnderstanding> understanding(long articleId);

    /** Understandings of these articles, by id; articles without one are absent. */
    Map<Long, StoredUnderstanding> understandings(Collection<Long> articleIds);

    // ---------------------------------------------------------------- stories

    /**
     * Records an article joining (or opening) a story, in one transaction: the story's row is created or its counts,
     * times and lead updated, and its source remembered. A copy adds a report and maybe a source, never a time: the
     * story's first and last times are its own articles' (a republication weeks later is no new news). Idempotent per
     * article only through the caller (the writer records each stored article once).
     */
    void addToStory(StoryMember member);

    /**
     * Folds story {@code absorbedId} into {@code survivorId} (a report bridged them): members, copies and sources move
     * over, counts and lead are recomputed from the two rows, and the absorbed story points at the survivor. Atomic.
     */
    void mergeStories(String survivorId, String absorbedId);

    /**
     * Keeps the clusterer's working state of a story (opaque text), replacing the previous one, and whether it is a
     * late story and until when (news time) it stays open: see {@link #lateStoryStates}.
     */
    void saveStoryState(String storyId, String state, java.util.Optional<java.time.Instant> lateUntil);

    /**
     * The working states of the stories last touched within {@code window} of the newest story (the clusterer's
     * active set at start-up): bounded by the window, never by the whole store. Oldest first.
     */
    List<StoryState> activeStoryStates(Duration window);

    /**
     * The working states of the late stories still open at the newest story's time (saved with a {@code lateUntil}
     * at or after it), at most {@code limit} of them, those open longest kept: the rest of the clusterer's active set
     * at start-up, bounded by {@code limit}. Ordered by {@code lateUntil}, then id, earliest first.
     */
    List<StoryState> lateStoryStates(int limit);

    /**
     * Saves the clusterer's document frequencies: {@code changed} days (ISO date → opaque state) are written, and
     * every saved day not in {@code kept} is deleted (the window moved on). One transaction.
     */
    void saveStoryFrequencies(Map<String, String> changed, Collection<String> kept);

    /** The saved document frequencies, oldest day first. */
    List<String> storyFrequencies();

    /** A story by id; an absorbed story answers with the story that absorbed it. */
    Optional<StoryRecord> story(String storyId);

    /** These stories by id (absorbed ones are absent). */
    Map<String, StoryRecord> stories(Collection<String> storyIds);

    /**
     * The stories with at least {@code minArticles} canonical members last touched within {@code window} of the newest
     * story, most recently touched first, at most {@code limit} (a front page ranks these).
     */
    List<StoryRecord> recentStories(int minArticles, Duration window, int limit);

    /** A story's canonical members in time order: the first one and the newest, {@code limit} in all. */
    List<ArticleSummary> storyArticles(String storyId, int limit);

    /** The distinct source names of a story with their numbers of reports, most reports first. */
    Map<String, Integer> storySources(String storyId);

    /** The other copies in {@code id}'s group ("also at"), oldest id first; empty for an article alone. */
    List<ArticleSummary> alsoAt(long id);

    /**
     * Makes {@code newCanonicalId} the canonical article of {@code oldCanonicalId}'s group: every member, the old
     * canonical included, then links to it. Atomic.
     */
    void promoteCanonical(long newCanonicalId, long oldCanonicalId);

    /** Number of stored articles. */
    long count();

    /** Every article, by id; close the stream. */
    Stream<StoredArticle> exportAll();

    /** Every article's fingerprint, by id, to rebuild a de-duplication index; close the stream. */
    default Stream<StoredFingerprint> fingerprints() {
        return fingerprintsAfter(Long.MIN_VALUE);
    }

    /**
     * The fingerprints of the articles whose id is above {@code id}, by id: what a saved de-duplication index lacks.
     * Close the stream.
     */
    Stream<StoredFingerprint> fingerprintsAfter(long id);

    /**
     * The installation's secret named {@code name}, shared by every node of this store: the stored one, or
     * {@code ifNone} stored now when there is none (when nodes race, the first write wins and all read it).
     * Example: {@code secret("image-proxy", 32 random bytes)} gives every node the same image-signing key.
     */
    byte[] secret(String name, byte[] ifNone);

    SourceAddResult addSource(NewSource source);

    List<Source> listSources();

    /**
     * One page of sources in id order, for a paged list: the {@code limit} sources with ids above {@code afterId}
     * (0 for the first page), or, when {@code backwards}, the {@code limit} sources just below {@code afterId}
     * (still in ascending order). Costs the page, not the table: {@code id > 4300 LIMIT 100} reads 100 rows.
     */
    List<Source> listSources(long afterId, int limit, boolean backwards);

    /** How many sources there are. */
    int countSources();

    /** Changes a source's base refresh interval. False when the source does not exist. */
    boolean setSourceRefreshInterval(long id, java.time.Duration interval);

    Optional<Source> findSource(long id);

    /** The source registered with exactly this URL (by its unique key, one index look-up). */
    Optional<Source> findSourceByUrl(String url);

    /** Removes a source; its articles stay and lose their link to it. False when there was none. */
    boolean removeSource(long id);

    /** Pauses or resumes a source. False when the source does not exist. */
    boolean setSourcePaused(long id, boolean paused);

    /**
     * Leases the most overdue source that is due at {@code now}, not paused and not leased by anyone, to node
     * {@code nodeId} until {@code now + leaseLength}: no other node is handed that source until the lease ends or is
     * released by {@link #recordFetchSuccess}/{@link #recordFetchFailure}. Atomic across every node sharing the store,
     * so two nodes never fetch the same source at once. Empty when nothing is due. A node that dies holding a lease
     * only delays that source until the lease runs out. {@code now} comes from the caller's clock: nodes sharing a
     * store need clocks in step to well within {@code leaseLength}.
     */
    Optional<Source> leaseDueSource(String nodeId, Instant now, Duration leaseLength);

    /**
     * Records a successful fetch: clears the failure count and releases any lease. False when the source does not
     * exist.
     */
    boolean recordFetchSuccess(long sourceId, Instant at, Instant nextDue);

    /**
     * Remembers the validators of a source's last full fetch (empty ones clear it), for the next conditional refresh.
     * False when the source does not exist.
     */
    boolean recordValidators(long sourceId, Optional<String> etag, Optional<String> lastModified);

    /** Records a failed fetch: increments the failure count and releases any lease. False when there is no source. */
    boolean recordFetchFailure(long sourceId, Instant at, String error, Instant nextDue);

    /** What this store keeps per reader (accounts, sessions, reading state, follows), on the same database. */
    io.huixun.store.reader.ReaderStore readers();

    /** Closes the store's connections. Idempotent. */
    @Override
    void close();
}

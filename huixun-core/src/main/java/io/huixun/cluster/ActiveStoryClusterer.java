package io.huixun.cluster;

import io.huixun.text.time.NewsZone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups articles about one event into stories, one article at a time, at a cost that does not grow with the store.
 *
 * <h2>Design note</h2>
 * <ol>
 * <li><b>Features.</b> An article is the set of its entities ({@code e:王毅}), keywords ({@code k:会晤}) and headline
 * bigrams ({@code t:会晤}, see {@link TitleTerms}). Each weighs its kind's weight times its inverse document frequency
 * over the last {@link Settings#idfDays()} days ({@link DocumentFrequencies}), computed once per article.</li>
 * <li><b>Active window.</b> Only stories touched in the last {@link Settings#window()} and begun less than
 * {@link Settings#maxSpan()} ago are active; the others leave the active set (and the index) as time moves on.
 * Time is the newest publication time seen, so replaying the same articles gives the same stories; an undated article
 * is placed at that time and does not move it ({@link #placement}). A <em>late</em>
 * story (its articles older than the window: an archive ingested after live news, a feed's old items) stays active for
 * one window of news from when it was last touched, so the late reports of one event still meet; at most
 * {@link #MAX_LATE} late stories are kept (the least recently touched leave first), and a late article counts in the
 * document frequencies of the oldest day kept, so its words weigh as the recent stream's do.</li>
 * <li><b>Candidates.</b> An inverted index maps each feature to the active stories that carry it. The article's
 * {@link Settings#probeFeatures()} heaviest features whose posting holds at most {@link Settings#postingLimit()}
 * stories (a feature in more active stories than that does not tell events apart) give the candidates: at most
 * probeFeatures × postingLimit stories are examined, however many there are.</li>
 * <li><b>Score.</b> The cosine between the article's weights and the story's profile (each kept feature's weight
 * times the share of members carrying it), on entities, keywords and headline bigrams, counted only when they share at
 * least {@link #MIN_SHARED} informative features (carried by at most one recent article in twenty). A story's profile
 * keeps its {@link Settings#storyFeatures()} most frequent features, so a story stays the same size however long it runs.
 * A teaser (headline and a cut excerpt) has few features: it is scored on its headline bigrams alone against the
 * story's headline bigrams, so "交流互鉴 科技赋能！第四届全球媒体创新论坛在山东曲阜举行…" finds the full report
 * "第四届全球媒体创新论坛在山东举行".</li>
 * <li><b>Decision.</b> The best story scoring at least {@link Settings#threshold()} takes the article (Joined);
 * none, and it opens {@code s-<article id>} (Opened). If other stories also score at least
 * {@link Settings#mergeThreshold()}, the article bridges them: they merge into the largest (then earliest) and the
 * others are absorbed (Merged), as long as the merged story still spans at most {@link Settings#maxSpan()}.</li>
 * </ol>
 * Example: "王毅出席中国—中亚外长会晤" opens s-a1; a day later "中国—中亚外长会晤在阿拉木图举行" shares 中亚, 阿拉木图,
 * 外长, 会晤 (weights well above the threshold) and joins s-a1; "长江生态保护取得进展" shares only 中国 (idf near
 * zero) and opens s-a3.
 *
 * <h2>Persistence</h2>
 * Each result lists the {@link StoryState}s to save, with {@link #lateUntil} for a late one; {@link #restore} starts
 * from the active states, the late stories still open ({@link LateStory}) and the saved
 * {@link DocumentFrequencies#snapshot()} and then assigns as an uninterrupted run would (one difference: past
 * {@link #MAX_LATE} late stories, those that leave first are the ones closing first, not the least recently touched).
 * So the second report of an old event still meets the first when each came in its own {@code huixun ingest} run.
 * Assignment is not idempotent: the caller assigns each canonical article once (its membership is in the store).
 *
 * <p>Not thread-safe: confined to one writer (the indexing stage); readers get {@link StoryState} snapshots.
 */
public final class ActiveStoryClusterer {
    /**
     * Tuning knobs; {@link #defaults()} measured on the labelled CCTV + seed set ({@code ./bench story-eval}).
     *
     * @param window         a story closes this long after its newest article
     * @param maxSpan        a story never spans more than this (a war reported every day is many stories)
     * @param threshold      cosine a story must reach for an article to join it
     * @param mergeThreshold cosine a second story must reach for a bridging article to merge it in
     * @param teaserThreshold headline-bigram cosine a teaser needs to join
     * @param storyFeatures  features kept per story
     * @param probeFeatures  features of an article looked up in the index
     * @param postingLimit   a feature carried by more active stories than this is not looked up
     * @param idfDays        days of document frequencies kept
     * @param idfPerDay      features counted per day before single sightings are forgotten
     */
    public record Settings(Duration window, Duration maxSpan, double threshold, double mergeThreshold,
                           double teaserThreshold, int storyFeatures, int probeFeatures, int postingLimit,
                           int idfDays, int idfPerDay) {
        public Settings {
            if (window.isNegative() || window.isZero() || maxSpan.compareTo(window) < 0) {
                throw new IllegalArgumentException("story window must be positive and at most the span, got "
                        + window + " and " + maxSpan);
            }
            if (!(threshold > 0 && threshold <= 1) || !(mergeThreshold >= threshold && mergeThreshold <= 1)
                    || !(teaserThreshold > 0 && teaserThreshold <= 1)) {
                throw new IllegalArgumentException("story thresholds must be in (0, 1] with merge ≥ join, got "
                        + threshold + ", " + mergeThreshold + " and " + teaserThreshold);
            }
            if (storyFeatures < 8 || probeFeatures < 1 || postingLimit < 1) {
                throw new IllegalArgumentException("story feature limits too small: " + storyFeatures + ", "
                        + probeFeatures + ", " + postingLimit);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofDays(3), Duration.ofDays(7), 0.25, 0.45, 0.45, 80, 12, 40, 30,
                    50_000);
        }

        public Settings withThresholds(double join, double merge, double teaser) {
            return new Settings(window, maxSpan, join, merge, teaser, storyFeatures, probeFeatures, postingLimit,
                    idfDays, idfPerDay);
        }
    }

    private static final double ENTITY_WEIGHT = 2.0;
    private static final double KEYWORD_WEIGHT = 1.0;
    private static final double TITLE_WEIGHT = 1.0;
    private static final int MAX_SOURCES = 64;
    /**
     * A shared feature counts as evidence only when at most one recent article in twenty carries it (or at most
     * three, while few articles have been seen): an article must share at least {@link #MIN_SHARED} such features
     * with a story to join it. Without this, one shared province or ministry in an article of few features gave a
     * cosine above the threshold, and unrelated events of one province snowballed into one story.
     */
    static final int INFORMATIVE_SHARE = 20;
    /** Frequency key of a source's whole headline ({@link TitleTerms#headline}): counted, never a feature. */
    private static final String HEADLINE = "h:";
    static final int MIN_SHARED = 2;

    private final Settings settings;
    private final DocumentFrequencies df;
    private final Map<String, Active> stories = new HashMap<>();
    private final Map<String, Set<String>> postings = new HashMap<>();
    private final TreeSet<Active> byExpiry = new TreeSet<>(
            Comparator.comparing((Active a) -> a.expiresAt).thenComparing(a -> a.id));
    private Instant watermark = Instant.MIN;
    /** Late stories (see the design note), least recently touched first. */
    private final java.util.LinkedHashSet<String> late = new java.util.LinkedHashSet<>();
    /** Late stories kept at most: bounds the active set when a large archive arrives after newer news. */
    public static final int MAX_LATE = 10_000;
    private int lastExamined;
    /** Idf of each feature looked at during one assign: computed once per article and feature. */
    private final Map<String, Double> idfCache = new HashMap<>();

    public ActiveStoryClusterer(Settings settings) {
        this(settings, new DocumentFrequencies(settings.idfDays(), settings.idfPerDay()));
    }

    private ActiveStoryClusterer(Settings settings, DocumentFrequencies df) {
        this.settings = settings;
        this.df = df;
    }

    public static ActiveStoryClusterer withDefaults() {
        return new ActiveStoryClusterer(Settings.defaults());
    }

    /**
     * A late story as saved: its state and the news time until which it stays open (see the design note).
     * Example: an archive report of 2025-04-26 arriving after news of 2026-12-04 08:00 is open until 2026-12-07 08:00.
     */
    public record LateStory(StoryState state, Instant until) {}

    /**
     * A clusterer that continues from saved state: the active stories (those {@link #isActive} at the newest
     * {@code last} among them; closed ones are ignored), the late stories (those still open then; given least
     * recently touched first, as {@link #lateStates()} lists them) and the document-frequency days.
     */
    public static ActiveStoryClusterer restore(Settings settings, List<StoryState> active, List<LateStory> late,
                                               List<DocumentFrequencies.Day> frequencies) {
        ActiveStoryClusterer c = new ActiveStoryClusterer(settings,
                DocumentFrequencies.restore(settings.idfDays(), settings.idfPerDay(), frequencies));
        for (StoryState s : active) {
            if (s.last().isAfter(c.watermark)) {
                c.watermark = s.last();
            }
        }
        Set<String> lateIds = new HashSet<>();
        late.forEach(l -> lateIds.add(l.state().id()));
        for (StoryState s : active) {
            if (!lateIds.contains(s.id())) { // a late story's own window may still reach the newest story
                c.add(Active.of(s), false);
            }
        }
        c.expire(c.watermark);
        for (LateStory l : late) {
            if (!l.until().isBefore(c.watermark)) {
                Active a = Active.of(l.state());
                a.expiresAt = l.until();
                c.keepLate(a);
                c.enter(a);
            }
        }
        return c;
    }

    /**
     * Until when (news time) story {@code id} stays open if it is late, to save beside its state; empty when it is
     * not late (or not active).
     */
    public Optional<Instant> lateUntil(String id) {
        return late.contains(id) ? Optional.of(stories.get(id).expiresAt) : Optional.empty();
    }

    /** The late stories, least recently touched first: what {@link #restore} takes back. */
    public List<LateStory> lateStates() {
        return late.stream().map(stories::get).map(a -> new LateStory(a.state(), a.expiresAt)).toList();
    }

    /** True when a story with this state is still open at {@code now}. */
    public static boolean isActive(StoryState s, Instant now, Settings settings) {
        return !expiry(s.first(), s.last(), settings).isBefore(now);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The news time at which to place an article: its publication time; without one, the clock's (the newest
     * publication time seen), so an undated page never moves the clock; before any dated article, its ingestion time.
     * Example: reports of 2025-04-26 and 2025-04-27 with an undated page between them, ingested on 2026-12-04: the
     * page is placed at 2025-04-27 and the two reports still meet, where its ingestion time moved the clock 19 months
     * on and closed every story of April 2025 between the two reports.
     */
    public Instant placement(Optional<Instant> published, Instant ingested) {
        return published.orElse(watermark.equals(Instant.MIN) ? ingested : watermark);
    }

    /** Puts the article into a story: an active one it matches, a new one, or several it bridges, merged. */
    public StoryAssignment assign(StoryCandidate c) {
        if (c.published().isAfter(watermark)) {
            watermark = c.published();
        }
        expire(watermark);
        LocalDate day = LocalDate.ofInstant(c.published(), NewsZone.DEFAULT); // Beijing days bucket the frequencies
        LocalDate oldestKept = LocalDate.ofInstant(watermark, NewsZone.DEFAULT).minusDays(settings.idfDays() - 1);
        if (day.isBefore(oldestKept)) {
            day = oldestKept; // a late article: counted with the recent stream, not in a day that is already gone
        }
        List<String> keys = keys(c);
        // A headline its source used on another day of the window is a column, not an event ("国内联播快讯" every
        // evening, "李强主持召开国务院常务会议" every week): the article stands alone, or each day's digest joins the
        // last on its name and its many entities. Another source's same headline (a report carried the next day) is
        // evidence as before. Counted with the frequencies (so a restart knows it), never a feature itself.
        String title = TitleTerms.headline(c.title());
        String headline = HEADLINE + c.source().strip() + "|" + title;
        boolean column = !title.isEmpty() && df.count(headline) > df.countOn(day, headline);
        List<String> counted = new ArrayList<>(keys);
        counted.add(headline);
        df.add(day, counted);
        idfCache.clear();
        List<Scored> scored = column ? List.of() : score(c, weights(keys));
        List<String> absorbed = new ArrayList<>();
        Active target;
        if (scored.isEmpty() || scored.get(0).score < (c.teaser() ? settings.teaserThreshold() : settings.threshold())) {
            target = new Active("s-" + c.articleId(), c.title(), c.published());
            if (stories.containsKey(target.id)) {
                throw new IllegalArgumentException("article " + c.articleId() + " was already assigned");
            }
            target.add(c, column ? List.of() : keys); // a column's story is found by nothing
            prune(target);
            add(target);
            return new StoryAssignment.Opened(target.id, List.of(target.state()));
        }
        List<Active> group = new ArrayList<>();
        group.add(scored.get(0).story);
        for (int i = 1; i < scored.size() && !c.teaser(); i++) {
            if (scored.get(i).score >= settings.mergeThreshold() && fits(group, scored.get(i).story, c)) {
                group.add(scored.get(i).story);
            }
        }
        group.sort(Comparator.comparingInt((Active a) -> -a.members).thenComparing(a -> a.first)
                .thenComparing(a -> a.id));
        target = group.get(0);
        unindex(target);
        for (Active other : group.subList(1, group.size())) {
            unindex(other);
            stories.remove(other.id);
            late.remove(other.id);
            target.absorb(other);
            absorbed.add(other.id);
        }
        target.add(c, keys);
        prune(target);
        add(target);
        List<StoryState> changed = List.of(target.state());
        return absorbed.isEmpty() ? new StoryAssignment.Joined(target.id, changed)
                : new StoryAssignment.Merged(target.id, absorbed, changed);
    }

    /**
     * Closes the stories whose window has passed at {@code now} (the newest article's time moves it on by itself):
     * they leave the active set and the index. Returns their ids, sorted.
     */
    public List<String> expire(Instant now) {
        List<String> closed = new ArrayList<>();
        while (!byExpiry.isEmpty() && byExpiry.first().expiresAt.isBefore(now)) {
            Active gone = byExpiry.pollFirst();
            unindexPostings(gone);
            stories.remove(gone.id);
            late.remove(gone.id);
            closed.add(gone.id);
        }
        closed.sort(null);
        return closed;
    }

    public Optional<StoryState> story(String id) {
        return Optional.ofNullable(stories.get(id)).map(Active::state);
    }

    /** The active stories' states, sorted by id: what to compare with the saved ones. */
    public List<StoryState> activeStates() {
        return stories.values().stream().sorted(Comparator.comparing(a -> a.id)).map(Active::state).toList();
    }

    public int activeCount() {
        return stories.size();
    }

    /** What to save besides the story states so that {@link #restore} continues exactly. */
    public List<DocumentFrequencies.Day> frequencies() {
        return df.snapshot();
    }

    /** Documents per day in the frequency window (cheap: no copy of the counts). */
    public java.util.SortedMap<java.time.LocalDate, Integer> documentsPerDay() {
        return df.documentsPerDay();
    }

    /** One day of the frequency window, copied for saving. */
    public java.util.Optional<DocumentFrequencies.Day> frequencyDay(java.time.LocalDate day) {
        return df.day(day);
    }

    /** How many stories the last {@link #assign} examined (scored): bounded by probeFeatures × postingLimit. */
    public int lastExamined() {
        return lastExamined;
    }

    /** Each feature's weight in this article: its kind's weight times its idf. */
    private Map<String, Double> weights(List<String> keys) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String k : keys) {
            weights.put(k, kindWeight(k) * idf(k));
        }
        return weights;
    }

    private List<Scored> score(StoryCandidate c, Map<String, Double> weights) {
        List<Map.Entry<String, Double>> heaviest = new ArrayList<>(weights.entrySet());
        heaviest.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        TreeSet<String> candidates = new TreeSet<>();
        int probed = 0;
        for (Map.Entry<String, Double> f : heaviest) {
            if (probed == settings.probeFeatures()) {
                break;
            }
            if (c.teaser() && !f.getKey().startsWith("t:")) {
                continue;
            }
            Set<String> posting = postings.get(f.getKey());
            if (posting == null || posting.size() > settings.postingLimit()) {
                continue;
            }
            candidates.addAll(posting);
            probed++;
        }
        lastExamined = candidates.size();
        double norm = 0, titleNorm = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            norm += w.getValue() * w.getValue();
            if (w.getKey().startsWith("t:")) {
                titleNorm += w.getValue() * w.getValue();
            }
        }
        List<Scored> out = new ArrayList<>();
        for (String id : candidates) {
            Active s = stories.get(id);
            if (!fits(List.of(s), null, c)) {
                continue;
            }
            double score = c.teaser() ? cosine(weights, titleNorm, s, true) : cosine(weights, norm, s, false);
            if (score > 0) {
                out.add(new Scored(s, score));
            }
        }
        out.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(s -> s.story.id));
        return out;
    }

    /**
     * Cosine of the article's weights with the story profile (weights × share of members), optionally headline only;
     * 0 unless they share {@link #MIN_SHARED} informative features.
     */
    private double cosine(Map<String, Double> weights, double norm, Active s, boolean titleOnly) {
        double dot = 0, storyNorm = 0;
        int informative = 0;
        for (Map.Entry<String, Integer> f : s.features.entrySet()) {
            if (titleOnly && !f.getKey().startsWith("t:")) {
                continue;
            }
            double idf = idf(f.getKey());
            double w = kindWeight(f.getKey()) * idf * f.getValue() / s.members;
            storyNorm += w * w;
            Double mine = weights.get(f.getKey());
            if (mine != null) {
                dot += mine * w;
                if (df.count(f.getKey()) <= Math.max(3, df.documents() / INFORMATIVE_SHARE)) {
                    informative++;
                }
            }
        }
        return dot == 0 || informative < MIN_SHARED ? 0 : dot / Math.sqrt(norm * storyNorm);
    }

    private double idf(String feature) {
        Double cached = idfCache.get(feature);
        if (cached == null) {
            cached = df.idf(feature);
            idfCache.put(feature, cached);
        }
        return cached;
    }

    /** Whether the article (and {@code extra}, if any) can join {@code group} without breaking the window or span. */
    private boolean fits(List<Active> group, Active extra, StoryCandidate c) {
        Instant first = c.published(), last = c.published();
        List<Active> all = new ArrayList<>(group);
        if (extra != null) {
            all.add(extra);
        }
        for (Active a : all) {
            if (c.published().isAfter(a.last.plus(settings.window()))
                    || c.published().isBefore(a.first.minus(settings.window()))) {
                return false;
            }
            first = a.first.isBefore(first) ? a.first : first;
            last = a.last.isAfter(last) ? a.last : last;
        }
        return !Duration.between(first, last).minus(settings.maxSpan()).isPositive();
    }

    private void add(Active a) {
        add(a, true);
    }

    /** @param mayBeLate false when restoring: a saved story past its window closes, as it would have without a restart */
    private void add(Active a, boolean mayBeLate) {
        a.expiresAt = expiry(a.first, a.last, settings);
        late.remove(a.id);
        if (mayBeLate && a.expiresAt.isBefore(watermark)) {
            // late: one window of news from now, so the next late reports of its event can still join it
            a.expiresAt = watermark.plus(settings.window());
            keepLate(a);
        }
        enter(a);
    }

    /** Marks {@code a} late (most recently touched); past {@link #MAX_LATE}, the least recently touched one closes. */
    private void keepLate(Active a) {
        late.add(a.id);
        if (late.size() > MAX_LATE) {
            String eldest = late.iterator().next();
            Active gone = stories.get(eldest);
            late.remove(eldest);
            if (gone != null) {
                unindexPostings(gone);
                stories.remove(eldest);
            }
        }
    }

    /** Makes {@code a} (its expiry set) active: findable by its features, closing at its expiry. */
    private void enter(Active a) {
        stories.put(a.id, a);
        byExpiry.add(a);
        for (String f : a.features.keySet()) {
            postings.computeIfAbsent(f, k -> new HashSet<>()).add(a.id);
        }
    }

    private void unindex(Active a) {
        byExpiry.remove(a);
        unindexPostings(a);
    }

    private void unindexPostings(Active a) {
        byExpiry.remove(a);
        for (String f : a.features.keySet()) {
            Set<String> p = postings.get(f);
            if (p != null && p.remove(a.id) && p.isEmpty()) {
                postings.remove(f);
            }
        }
    }

    /** Keeps the story's most frequent features (ties: heavier, then by key), so its profile stays bounded. */
    private void prune(Active a) {
        if (a.features.size() <= settings.storyFeatures()) {
            return;
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(a.features.entrySet());
        Map<String, Double> weight = new HashMap<>();
        ranked.forEach(e -> weight.put(e.getKey(), kindWeight(e.getKey()) * idf(e.getKey())));
        ranked.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue())
                .thenComparing(e -> -weight.get(e.getKey())).thenComparing(Map.Entry::getKey));
        TreeMap<String, Integer> kept = new TreeMap<>();
        ranked.subList(0, settings.storyFeatures()).forEach(e -> kept.put(e.getKey(), e.getValue()));
        a.features.clear();
        a.features.putAll(kept);
    }

    private static Instant expiry(Instant first, Instant last, Settings settings) {
        Instant byWindow = last.plus(settings.window());
        Instant bySpan = first.plus(settings.maxSpan());
        return byWindow.isBefore(bySpan) ? byWindow : bySpan;
    }

    private static List<String> keys(StoryCandidate c) {
        TreeSet<String> keys = new TreeSet<>();
        c.entities().forEach(e -> keys.add("e:" + e));
        c.keywords().forEach(k -> keys.add("k:" + k));
        c.titleTerms().forEach(t -> keys.add("t:" + t));
        return new ArrayList<>(keys);
    }

    private static double kindWeight(String key) {
        return switch (key.charAt(0)) {
            case 'e' -> ENTITY_WEIGHT;
            case 't' -> TITLE_WEIGHT;
            default -> KEYWORD_WEIGHT;
        };
    }

    private record Scored(Active story, double score) {}

    /** A story of the active window; mutable, confined to the clusterer. */
    private static final class Active {
        final String id;
        final String title;
        Instant first;
        Instant last;
        int members;
        final TreeMap<String, Integer> features = new TreeMap<>();
        final TreeSet<String> sources = new TreeSet<>();
        Instant expiresAt;

        Active(String id, String title, Instant first) {
            this.id = id;
            this.title = title;
            this.first = first;
            this.last = first;
        }

        static Active of(StoryState s) {
            Active a = new Active(s.id(), s.title(), s.first());
            a.last = s.last();
            a.members = s.members();
            a.features.putAll(s.features());
            a.sources.addAll(s.sources());
            return a;
        }

        void add(StoryCandidate c, List<String> keys) {
            members++;
            if (c.published().isAfter(last)) {
                last = c.published();
            }
            if (c.published().isBefore(first)) {
                first = c.published();
            }
            keys.forEach(k -> features.merge(k, 1, Integer::sum));
            addSource(c.source());
        }

        void absorb(Active other) {
            members += other.members;
            first = other.first.isBefore(first) ? other.first : first;
            last = other.last.isAfter(last) ? other.last : last;
            other.features.forEach((k, n) -> features.merge(k, n, Integer::sum));
            other.sources.forEach(this::addSource);
        }

        private void addSource(String source) {
            if (!source.isEmpty() && sources.size() < MAX_SOURCES) {
                sources.add(source);
            }
        }

        StoryState state() {
            return new StoryState(id, title, first, last, members, features, sources);
        }
    }
}

package io.huixun.bench.story;

import io.huixun.cluster.StoryCandidate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The story clusterer before issue 10 (a copy of io.huixun.cluster.StoryClusterer at commit 141f38c), kept as the
 * baseline of {@code ./bench story-eval}: it compares each article with every story ever created.
 *
 * <p>Design note: each story keeps the feature counts of its members (entities weigh double, keywords single). A new
 * article joins the open story (last member within {@link #window}, first member within {@link #MAX_SPAN}) that
 * covers the largest share of its own feature weight, if that share reaches {@link #threshold} and at least one
 * entity is shared; otherwise it opens a new story. Only a story's {@link #CORE_FEATURES} most frequent features
 * count, and a story closes {@link #MAX_SPAN} after it began: without both, a long-running topic (a war reported
 * every few days) snowballed into one "story" holding 60% of four years of CCTV news.
 * Feature weights are multiplied by an inverse document frequency kept online, so that 中国 or 习近平, present in
 * half the news, do not glue unrelated stories together. Feeding articles in publication order makes the result
 * deterministic, so stories can be rebuilt from the store at start-up. Not thread-safe: one writer (the ingest).
 * Example: "王毅出席中国—中亚外长会晤" and, a day later, "中国—中亚外长会晤发表联合声明" (shared: 中亚, 阿拉木图, 外长, 会晤)
 * form one story; a report on Yangtze ecology does not join it.
 */
public final class LegacyStoryClusterer {
    private static final double ENTITY_WEIGHT = 2.0;
    /** An event's reports come within days; a story never spans more than this. */
    static final Duration MAX_SPAN = Duration.ofDays(7);
    /** How many of a story's most frequent features describe it when a new article is compared with it. */
    static final int CORE_FEATURES = 30;
    private static final double KEYWORD_WEIGHT = 1.0;

    private final Duration window;
    private final double threshold;
    private final Map<String, MutableStory> stories = new LinkedHashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int documents;

    /**
     * @param window    how long after its last article a story stays open
     * @param threshold share of a candidate's feature weight that a story must cover, in (0, 1]
     */
    public LegacyStoryClusterer(Duration window, double threshold) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("story window must be positive, got " + window);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("story threshold must be in (0, 1], got " + threshold);
        }
        this.window = window;
        this.threshold = threshold;
    }

    /** Three days, half the weight: measured adequate on CCTV news (see docs/benchmarks.md). */
    public static LegacyStoryClusterer withDefaults() {
        return new LegacyStoryClusterer(Duration.ofDays(3), 0.5);
    }

    /** Assigns the article to a story (an existing one or a new one) and returns that story's id. Idempotent. */
    public String assign(StoryCandidate candidate) {
        String known = storyOfArticle.get(candidate.articleId());
        if (known != null) {
            return known;
        }
        Map<String, Double> features = features(candidate);
        countDocument(features);
        MutableStory best = null;
        double bestShare = 0;
        for (MutableStory story : stories.values()) {
            if (story.last.plus(window).isBefore(candidate.published())
                    || story.first.plus(MAX_SPAN).isBefore(candidate.published())
                    || candidate.published().plus(window).isBefore(story.first)) {
                continue;
            }
            double share = coveredShare(features, story);
            if (share > bestShare && sharesAnEntity(candidate, story)) {
                best = story;
                bestShare = share;
            }
        }
        if (best == null || bestShare < threshold) {
            best = new MutableStory("s-" + candidate.articleId(), candidate.title(), candidate.published());
            stories.put(best.id, best);
        }
        best.add(candidate, features);
        storyOfArticle.put(candidate.articleId(), best.id);
        return best.id;
    }

    public Optional<Story> story(String storyId) {
        return Optional.ofNullable(stories.get(storyId)).map(MutableStory::snapshot);
    }

    public Optional<String> storyOf(String articleId) {
        return Optional.ofNullable(storyOfArticle.get(articleId));
    }

    /** All stories with at least {@code minMembers} members, most recently updated first. */
    public List<Story> stories(int minMembers) {
        return recentStories(minMembers, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The {@code limit} most recently updated stories with at least {@code minMembers} members, each with only its
     * first member and its newest ones, {@code newestMembers} in all (its {@link Story#size()} still counts them all):
     * what a front page needs, without copying every member of every story.
     */
    public List<Story> recentStories(int minMembers, int limit, int newestMembers) {
        java.util.PriorityQueue<MutableStory> newest = new java.util.PriorityQueue<>((a, b) -> a.last.compareTo(b.last));
        for (MutableStory s : stories.values()) {
            if (s.members.size() >= minMembers) {
                newest.add(s);
                if (newest.size() > limit) {
                    newest.poll();
                }
            }
        }
        List<Story> out = new ArrayList<>();
        while (!newest.isEmpty()) {
            out.add(newest.poll().snapshot(newestMembers));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** A story with at most its {@code newestMembers} newest members (for pages and feeds that must stay bounded). */
    public Optional<Story> story(String storyId, int newestMembers) {
        return Optional.ofNullable(stories.get(storyId)).map(s -> s.snapshot(newestMembers));
    }

    private static Map<String, Double> features(StoryCandidate c) {
        Map<String, Double> f = new HashMap<>();
        c.keywords().forEach(k -> f.put("k:" + k, KEYWORD_WEIGHT));
        c.entities().forEach(e -> f.put("e:" + e, ENTITY_WEIGHT));
        return f;
    }

    private void countDocument(Map<String, Double> features) {
        documents++;
        features.keySet().forEach(f -> documentFrequency.merge(f, 1, Integer::sum));
    }

    private double idf(String feature) {
        return Math.log(1 + (double) documents / documentFrequency.getOrDefault(feature, 1));
    }

    private double coveredShare(Map<String, Double> features, MutableStory story) {
        java.util.Set<String> core = story.core();
        double total = 0, covered = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            double w = f.getValue() * idf(f.getKey());
            total += w;
            if (core.contains(f.getKey())) {
                covered += w;
            }
        }
        return total == 0 ? 0 : covered / total;
    }

    private static boolean sharesAnEntity(StoryCandidate c, MutableStory story) {
        java.util.Set<String> core = story.core();
        return c.entities().stream().anyMatch(e -> core.contains("e:" + e));
    }

    private static final class MutableStory {
        final String id;
        final String title;
        final Instant first;
        Instant last;
        final List<String> members = new ArrayList<>();
        final Map<String, Integer> features = new HashMap<>();

        MutableStory(String id, String title, Instant first) {
            this.id = id;
            this.title = title;
            this.first = first;
            this.last = first;
        }

        private java.util.Set<String> core;

        void add(StoryCandidate c, Map<String, Double> candidateFeatures) {
            members.add(c.articleId());
            if (c.published().isAfter(last)) {
                last = c.published();
            }
            candidateFeatures.keySet().forEach(f -> features.merge(f, 1, Integer::sum));
            core = null;
        }

        /** The most frequent features, recomputed only after the story changed. */
        java.util.Set<String> core() {
            if (core == null) {
                core = features.size() <= CORE_FEATURES ? java.util.Set.copyOf(features.keySet())
                        : features.entrySet().stream()
                                .sorted((a, b) -> b.getValue() - a.getValue())
                                .limit(CORE_FEATURES).map(Map.Entry::getKey)
                                .collect(java.util.stream.Collectors.toUnmodifiableSet());
            }
            return core;
        }

        /** The first member (the story's lead) and the newest ones, {@code limit} in all. */
        Story snapshot(int limit) {
            if (members.size() <= limit) {
                return new Story(id, title, first, last, members, members.size());
            }
            List<String> shown = new ArrayList<>();
            shown.add(members.get(0));
            shown.addAll(members.subList(members.size() - Math.max(0, limit - 1), members.size()));
            return new Story(id, title, first, last, shown, members.size());
        }

        Story snapshot() {
            return snapshot(Integer.MAX_VALUE);
        }
    }
}

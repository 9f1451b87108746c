package io.huixun.app.web;

import io.huixun.store.StoryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Orders stories for the front page: importance (distinct sources, then reports), recency with decay, and velocity.
 *
 * <p>score = (sources + ¼·(reports − sources)) × ½^(age / 12 h) × (1 + min(1, reports per hour of the story's span / 4)),
 * where age is measured from the newest story among the candidates (so a corpus of last year's news ranks the same as
 * today's). A story with no real publish date (undated teasers) ranks after every dated story, whatever its score.
 * Example: a story carried by four sources two hours ago leads one carried by one source an hour ago.
 *
 * <p>Stateless and thread-safe.
 */
final class FrontPageRanking {
    static final Duration HALF_LIFE = Duration.ofHours(12);

    private FrontPageRanking() {}

    static double score(StoryRecord s, Instant reference) {
        double importance = s.sources() + 0.25 * Math.max(0, s.reports() - s.sources());
        double ageHours = Math.max(0, Duration.between(s.last(), reference).toMinutes() / 60.0);
        double recency = Math.pow(0.5, ageHours / (HALF_LIFE.toMinutes() / 60.0));
        double spanHours = Math.max(1, Duration.between(s.first(), s.last()).toMinutes() / 60.0);
        double velocity = 1 + Math.min(1, s.reports() / spanHours / 4);
        return importance * recency * velocity;
    }

    /** Best first: dated before undated, then by score, then newest, then id (deterministic). */
    static List<StoryRecord> rank(List<StoryRecord> stories) {
        Instant reference = stories.stream().filter(StoryRecord::dated).map(StoryRecord::last)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        Comparator<StoryRecord> order = Comparator.comparing((StoryRecord s) -> !s.dated())
                .thenComparing(Comparator.comparingDouble((StoryRecord s) -> score(s, reference)).reversed())
                .thenComparing(StoryRecord::last, Comparator.reverseOrder())
                .thenComparing(StoryRecord::id);
        return stories.stream().sorted(order).toList();
    }
}

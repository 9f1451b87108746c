package io.huixun.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the clusterer keeps about one active story: save it after each change (it is what
 * {@link StoryAssignment#changed()} lists), load the active ones at start-up ({@link ActiveStoryClusterer#restore}).
 * Immutable; maps and sets are sorted copies, so two equal states print and serialise the same way.
 *
 * @param id          {@code s-} + the id of the story's first article; never changes, survives merges
 * @param title       the headline of its first article
 * @param first       time of its earliest article
 * @param last        time of its newest article
 * @param members     how many articles it holds (copies folded under a canonical article are not counted)
 * @param features    feature key → how many members carry it, at most {@link ActiveStoryClusterer.Settings#storyFeatures()}
 *                    of the most frequent ones; keys are {@code e:} entity, {@code k:} keyword, {@code t:} title term
 * @param sources     the distinct sources of its members (at most 64 kept)
 */
public record StoryState(String id, String title, Instant first, Instant last, int members,
                         Map<String, Integer> features, Set<String> sources) {
    public StoryState {
        if (id == null || !id.startsWith("s-")) {
            throw new IllegalArgumentException("a story id starts with s-, got " + id);
        }
        if (members < 1) {
            throw new IllegalArgumentException("story " + id + " has no members");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("story " + id + " ends before it begins");
        }
        features = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(features));
        sources = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(sources));
    }
}

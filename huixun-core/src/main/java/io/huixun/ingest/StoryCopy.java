package io.huixun.ingest;

import io.huixun.cluster.ActiveStoryClusterer;
import io.huixun.cluster.DocumentFrequencies;
import io.huixun.cluster.StoryState;
import io.huixun.store.ArticleStore;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoryMember;
import io.huixun.store.StoryRecord;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Carries stories from one store to another that numbers the articles anew ({@code huixun migrate}): the members are
 * added again in article order, so counts, leads and sources come out as the writer keeps them, and the clusterer's
 * working state (the active stories, the last days' document frequencies) goes along, so new reports join the
 * stories they belong to. A story is named after the article that opened it ({@code s-812}); it is renamed with that
 * article ({@code s-812} → {@code s-40} when article 812 is stored as 40), so stories the target opens later, named
 * after its own new articles, cannot take an existing name.
 *
 * <p>Stateless.
 */
public final class StoryCopy {
    private StoryCopy() {}

    /**
     * The target's name for story {@code storyId} of the source: its survivor if another story absorbed it, renamed
     * after the target's number of its opening article ({@code newId}: empty when that article was not copied; the
     * name is kept then).
     */
    public static String targetStoryId(ArticleStore source, String storyId, LongFunction<Optional<Long>> newId) {
        String survivor = source.story(storyId).map(StoryRecord::id).orElse(storyId);
        if (survivor.startsWith("s-")) {
            try {
                Optional<Long> opening = newId.apply(Long.parseLong(survivor.substring(2)));
                if (opening.isPresent()) {
                    return "s-" + opening.get();
                }
            } catch (NumberFormatException e) {
                // not named after an article: the name is kept
            }
        }
        return survivor;
    }

    /**
     * Article {@code a} (already in the target, numbered there) as a member of the target's story {@code storyId}, at
     * its publication time or, undated, at {@code undatedAt} (asked only then): where the source's clusterer placed it (its story's
     * last time is the best the source keeps), not its ingestion time, which would move the target's story clock on
     * (see {@link io.huixun.cluster.ActiveStoryClusterer#placement}).
     */
    public static StoryMember member(StoredArticle a, String storyId, java.util.function.Supplier<Instant> undatedAt) {
        Instant at = a.published().map(ZonedDateTime::toInstant).orElseGet(undatedAt);
        return new StoryMember(storyId, a.id(), a.title(), at, a.published().isPresent(), a.teaser(),
                a.article().clean(), StoryKeeper.sourceName(a), a.duplicateOf().isPresent());
    }

    /**
     * Copies the clusterer's working state: the stories active within the clusterer's span of the newest story and
     * the late stories still open, renamed as {@link #targetStoryId}, and the saved document frequencies. All are
     * bounded by the span or the late cap, not by the store.
     */
    public static void copyWorkingState(ArticleStore source, ArticleStore target, LongFunction<Optional<Long>> newId) {
        Map<String, io.huixun.store.StoryState> states = new LinkedHashMap<>();
        for (io.huixun.store.StoryState s : source.activeStoryStates(ActiveStoryClusterer.Settings.defaults()
                .maxSpan())) {
            states.put(s.storyId(), s);
        }
        // a late story whose window still reaches the newest story is in both lists: one row, one copy
        source.lateStoryStates(ActiveStoryClusterer.MAX_LATE).forEach(s -> states.put(s.storyId(), s));
        for (io.huixun.store.StoryState saved : states.values()) {
            StoryState s = StoryStateCodec.readStory(saved.state());
            String id = targetStoryId(source, s.id(), newId);
            target.saveStoryState(id, StoryStateCodec.write(new StoryState(id, s.title(), s.first(), s.last(),
                    s.members(), s.features(), s.sources())), saved.lateUntil());
        }
        Map<String, String> days = new LinkedHashMap<>();
        for (String text : source.storyFrequencies()) {
            DocumentFrequencies.Day d = StoryStateCodec.readDay(text);
            days.put(d.day().toString(), text);
        }
        if (!days.isEmpty()) {
            target.saveStoryFrequencies(days, days.keySet());
        }
    }
}

package io.huixun.ingest;

import io.huixun.cluster.ActiveStoryClusterer;
import io.huixun.cluster.DocumentFrequencies;
import io.huixun.cluster.StoryAssignment;
import io.huixun.cluster.StoryCandidate;
import io.huixun.cluster.StoryState;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.ArticleStore;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoryMember;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts stored articles into stories and keeps the stories in the store: the clusterer decides, the store remembers.
 *
 * <p>Design note: a canonical article is given to the {@link ActiveStoryClusterer}; a copy joins its canonical's
 * story (it adds a report and maybe a source, never a new member); an article that superseded earlier copies keeps
 * their story. Every decision is written to the store at once (counts, lead, sources, merges, the changed stories'
 * working states), so pages read stories from the store. At start-up only the active window is loaded (the stories
 * touched in the last days, the late stories still open, at most {@link ActiveStoryClusterer#MAX_LATE}, and the last
 * days' document frequencies): nothing is replayed, and the cost does not grow with the store. The frequencies are saved at each {@link #checkpoint()} (every index commit); a crash between two
 * loses only some counts, which shifts weights slightly, never a story or a membership.
 *
 * <p>Confined to the {@link ArticleWriter}'s monitor.
 */
final class StoryKeeper {
    private final ArticleStore store;
    private final ActiveStoryClusterer clusterer;

    StoryKeeper(ArticleStore store) {
        this.store = store;
        ActiveStoryClusterer.Settings settings = ActiveStoryClusterer.Settings.defaults();
        List<StoryState> active = store.activeStoryStates(settings.maxSpan()).stream()
                .map(s -> StoryStateCodec.readStory(s.state())).toList();
        List<ActiveStoryClusterer.LateStory> late = store.lateStoryStates(ActiveStoryClusterer.MAX_LATE).stream()
                .map(s -> new ActiveStoryClusterer.LateStory(StoryStateCodec.readStory(s.state()),
                        s.lateUntil().orElseThrow()))
                .toList();
        List<DocumentFrequencies.Day> days = store.storyFrequencies().stream().map(StoryStateCodec::readDay).toList();
        this.clusterer = ActiveStoryClusterer.restore(settings, active, late, days);
        Map<String, Integer> saved = new LinkedHashMap<>();
        days.forEach(d -> saved.put(d.day().toString(), d.documents()));
        this.savedDocuments = saved;
    }

    ActiveStoryClusterer clusterer() {
        return clusterer;
    }

    /**
     * The story of a just stored article, recorded in the store.
     *
     * @param superseded an earlier member of its copy group when it became the group's canonical
     */
    String place(StoredArticle a, Understanding u, boolean clean, boolean datedByPage, Optional<Long> superseded) {
        Optional<String> inherited = Optional.empty();
        if (a.duplicateOf().isPresent()) {
            inherited = store.understanding(a.duplicateOf().getAsLong()).flatMap(s -> s.storyId());
        } else if (superseded.isPresent()) {
            inherited = store.understanding(superseded.get()).flatMap(s -> s.storyId());
        }
        inherited = inherited.flatMap(store::story).map(s -> s.id()); // an absorbed story leads to its survivor
        Instant at = clusterer.placement(a.published().map(ZonedDateTime::toInstant), a.ingestedAt());
        String name = sourceName(a);
        String storyId;
        if (inherited.isPresent()) {
            storyId = inherited.get();
        } else {
            StoryAssignment assignment = clusterer.assign(StoryCandidate.of(String.valueOf(a.id()), at, a.title(),
                    a.canonicalText(), entitySet(u.entities()), Set.copyOf(u.keywords()), name));
            storyId = assignment.storyId();
            if (assignment instanceof StoryAssignment.Merged merged) {
                for (String absorbed : merged.absorbedIds()) {
                    store.mergeStories(merged.survivorId(), absorbed);
                }
            }
            storeMember(a, storyId, at, clean, datedByPage, name, false);
            for (StoryState changed : assignment.changed()) {
                store.saveStoryState(changed.id(), StoryStateCodec.write(changed), clusterer.lateUntil(changed.id()));
            }
            return storyId;
        }
        storeMember(a, storyId, at, clean, datedByPage, name, true);
        return storyId;
    }

    private void storeMember(StoredArticle a, String storyId, Instant at, boolean clean, boolean datedByPage,
                             String name, boolean copy) {
        boolean dated = a.published().isPresent() && !datedByPage;
        store.addToStory(new StoryMember(storyId, a.id(), a.title(), at, dated, a.teaser(), clean, name, copy));
    }

    /**
     * Saves the document frequencies, so a restart continues with the same weights: only the days whose document
     * count changed since the last checkpoint are written (usually today's), and days that left the window deleted.
     */
    void checkpoint() {
        Map<String, String> changed = new LinkedHashMap<>();
        Map<String, Integer> now = new LinkedHashMap<>();
        // only the days whose count moved are copied and written (usually one): copying every day's counts at each
        // commit took a tenth of the CPU of a 1,000-feed refresh
        clusterer.documentsPerDay().forEach((date, documents) -> {
            String day = date.toString();
            now.put(day, documents);
            if (!documents.equals(savedDocuments.get(day))) {
                clusterer.frequencyDay(date).ifPresent(d -> changed.put(day, StoryStateCodec.write(d)));
            }
        });
        if (!changed.isEmpty() || !now.keySet().equals(savedDocuments.keySet())) {
            store.saveStoryFrequencies(changed, now.keySet());
            savedDocuments = now;
        }
    }

    /** Documents per day as last saved (what {@link #checkpoint()} compares with). */
    private Map<String, Integer> savedDocuments = Map.of();

    /**
     * The source's name; without one, the host of the article's address, or the name of the local file it came from
     * ({@code file:///data/portal-dump-seed.txt#item-2} → {@code portal-dump-seed.txt}).
     */
    static String sourceName(StoredArticle a) {
        return io.huixun.model.SourceName.of(a.source(), a.url()).orElse("未知来源");
    }

    private static Set<String> entitySet(Entities e) {
        Set<String> s = new HashSet<>(e.people());
        s.addAll(e.places());
        s.addAll(e.organisations());
        return s;
    }
}

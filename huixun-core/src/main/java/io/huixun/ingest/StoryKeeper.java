package io.huixun.ingest;

import io.huixun.cluster.StoryCandidate;
import io.huixun.cluster.StoryClusterer;
import io.huixun.nlp.Entities;
import io.huixun.nlp.Understanding;
import io.huixun.store.ArticleStore;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoryMember;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Puts stored articles into stories and keeps the stories in the store: the clusterer decides, the store remembers.
 *
 * <p>Design note: a canonical article is given to the clusterer; a copy joins its canonical's story (it adds a report
 * and maybe a source, never a new member); an article that superseded earlier copies keeps their story. Every
 * decision is written to the store at once (counts, lead, sources), so pages read stories from the store and nothing
 * is replayed at start-up.
 *
 * <p>Confined to the {@link ArticleWriter}'s monitor.
 */
final class StoryKeeper {
    private final ArticleStore store;
    private final StoryClusterer clusterer = StoryClusterer.withDefaults();

    StoryKeeper(ArticleStore store) {
        this.store = store;
    }

    StoryClusterer clusterer() {
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
        Instant at = a.published().map(ZonedDateTime::toInstant).orElse(a.ingestedAt());
        String storyId = inherited.orElseGet(() -> clusterer.assign(new StoryCandidate(String.valueOf(a.id()), at,
                a.title(), entitySet(u.entities()), Set.copyOf(u.keywords()))));
        boolean dated = a.published().isPresent() && !datedByPage;
        store.addToStory(new StoryMember(storyId, a.id(), a.title(), at, dated, a.teaser(), clean, sourceName(a),
                inherited.isPresent()));
        return storyId;
    }

    /**
     * The source's name; without one, the host of the article's address, or the name of the local file it came from
     * ({@code file:///data/portal-dump-seed.txt#item-2} → {@code portal-dump-seed.txt}).
     */
    static String sourceName(StoredArticle a) {
        if (!a.source().isBlank()) {
            return a.source().strip();
        }
        return a.url().flatMap(StoryKeeper::origin).orElse("未知来源");
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if ("file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() != null) {
                String path = uri.getPath();
                return Optional.of(path.substring(path.lastIndexOf('/') + 1)).filter(n -> !n.isEmpty());
            }
            return Optional.ofNullable(uri.getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Set<String> entitySet(Entities e) {
        Set<String> s = new HashSet<>(e.people());
        s.addAll(e.places());
        s.addAll(e.organisations());
        return s;
    }
}

package io.huixun.app.cli;

import io.huixun.app.Installation;
import io.huixun.ingest.StoryCopy;
import io.huixun.ingest.IngestReport;
import io.huixun.store.ArticleStore;
import io.huixun.store.NewArticle;
import io.huixun.store.NewSource;
import io.huixun.store.SaveResult;
import io.huixun.store.Source;
import io.huixun.store.StoredArticle;
import io.huixun.store.StoredUnderstanding;
import io.huixun.store.postgres.PostgresArticleStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code huixun migrate --to postgresql://… --to opensearch://…}: copies an embedded installation's store (articles
 * with their originals, repair logs, fingerprints and copy links; understandings; stories with the clusterer's working
 * state; sources; readers with their marks, {@link ReaderCopy}) into PostgreSQL, then fills
 * the OpenSearch index from the (new) store, and checks the counts of both. Idempotent: articles already in the target
 * (same URL or original bytes) are matched, not copied twice, and the index is filled only with what it lacks, so an
 * interrupted migration can simply be run again.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy this installation into PostgreSQL and/or OpenSearch, with progress and a count check.",
                "Run it again after an interruption: what is already there is not copied twice."})
final class MigrateCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "A target, given once or twice: postgresql://HOST:PORT/DATABASE?user=NAME for the store, "
                    + "opensearch://HOST:PORT,HOST:PORT[/INDEX] for the index.")
    List<String> to;

    @Override
    public Integer call() {
        java.util.Optional<String> storeTarget = to.stream().filter(u -> u.startsWith("postgres")).findFirst();
        java.util.Optional<String> searchTarget = to.stream().filter(u -> u.startsWith("opensearch://")).findFirst();
        if (storeTarget.isEmpty() && searchTarget.isEmpty() || to.size() > 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--to takes a postgresql:// URL and/or an opensearch:// URL, got " + String.join(" ", to));
        }
        if (storeTarget.isPresent()) {
            copyStore(storeTarget.get());
        }
        if (searchTarget.isPresent()) {
            fillIndex(storeTarget, searchTarget.get());
        }
        return HuixunCommand.OK;
    }

    /** Opens the (new) store with the OpenSearch index: the start-up consistency check fills the index. */
    private void fillIndex(java.util.Optional<String> storeTarget, String searchUrl) {
        System.out.println("filling " + searchUrl + " from " + storeTarget.orElse("the embedded store") + " …");
        try (Installation target = Installation.open(data.settings().withBackEnds(storeTarget,
                java.util.Optional.of(searchUrl)), Installation.Mode.FULL)) {
            int added = target.startupRepair().added(); // waits for the fill, which runs in the background
            long stored = target.store().count();
            long indexed = target.index().count();
            System.out.printf("indexed %d documents (%d added now)%n", indexed, added);
            if (indexed != stored) {
                throw new UserInputException("count check failed: the store has " + stored + " articles, the index "
                        + indexed);
            }
            System.out.println("count check: ok (" + stored + " articles, " + indexed + " documents)");
        } catch (RuntimeException e) {
            if (e instanceof UserInputException) {
                throw e;
            }
            throw new UserInputException("cannot fill " + searchUrl + ": " + e.getMessage(), e);
        }
    }

    private void copyStore(String storeUrl) {
        String jdbc;
        try {
            jdbc = Installation.jdbcUrl(storeUrl);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--to: " + e.getMessage());
        }
        try (Installation from = data.openExisting(Installation.Mode.STORE); ArticleStore target = openTarget(jdbc)) {
            ArticleStore source = from.store();
            long total = source.count();
            // Sources first, so each article keeps its source (reading lists and follows join on it).
            Map<Long, Long> newSourceId = new HashMap<>();
            for (Source s : source.listSources()) {
                long id = switch (target.addSource(new NewSource(s.name(), s.url(), s.kind(), s.charsetOverride(),
                        s.refreshInterval()))) {
                    case io.huixun.store.SourceAddResult.Added added -> added.source().id();
                    case io.huixun.store.SourceAddResult.AlreadyRegistered there -> there.existing().id();
                    case io.huixun.store.SourceAddResult.Rejected x -> throw new UserInputException("source "
                            + s.url() + " refused by the target: " + x.field() + ": " + x.message());
                };
                if (s.paused()) {
                    target.setSourcePaused(id, true);
                }
                newSourceId.put(s.id(), id);
            }
            Map<Long, Long> newId = new java.util.LinkedHashMap<>(); // in the source's order: ascending ids
            int copied = 0, matched = 0;
            ProgressBar bar = new ProgressBar(System.err);
            try (Stream<StoredArticle> all = source.exportAll()) {
                for (StoredArticle a : (Iterable<StoredArticle>) all::iterator) {
                    OptionalLong dup = a.duplicateOf().isPresent() && newId.containsKey(a.duplicateOf().getAsLong())
                            ? OptionalLong.of(newId.get(a.duplicateOf().getAsLong())) : OptionalLong.empty();
                    Long mappedSource = a.sourceId().isPresent() ? newSourceId.get(a.sourceId().getAsLong()) : null;
                    OptionalLong sourceId = mappedSource == null ? OptionalLong.empty() : OptionalLong.of(mappedSource);
                    SaveResult r = target.save(new NewArticle(a.url(), sourceId, a.source(), a.title(),
                            a.published(), a.teaser(), a.original(), a.canonicalText(), a.repairLogJson(),
                            a.fingerprint(), dup));
                    long id = switch (r) {
                        case SaveResult.Inserted i -> {
                            copied++;
                            yield i.article().id();
                        }
                        case SaveResult.AlreadyStored s -> {
                            matched++;
                            yield s.existing().id();
                        }
                        case SaveResult.Rejected x -> throw new UserInputException("article " + a.id()
                                + " refused by the target: " + x.field() + ": " + x.message());
                    };
                    newId.put(a.id(), id);
                    if (r instanceof SaveResult.Inserted) { // lead images and enclosures travel with their article
                        List<io.huixun.store.ArticleMedia> media = source.media(a.id());
                        if (!media.isEmpty()) {
                            target.saveMedia(id, media);
                        }
                    }
                    bar.advanced((copied + matched) * 1024L * 1024L, Math.max(1, total) * 1024L * 1024L,
                            new IngestReport(copied + matched, copied, 0, matched, 0, List.of()));
                }
            }
            int stories = copyUnderstandingsAndStories(source, target, newId);
            io.huixun.app.image.ImageSigner.copyKey(from.folder(), source, target); // picture URLs stay valid
            int sources = newSourceId.size();
            bar.finish();
            long inTarget = target.count();
            System.out.printf("migrated %d articles (%d copied, %d already there) in %d stories, and %d sources; the"
                    + " target holds %d articles%n", copied + matched, copied, matched, stories, sources, inTarget);
            if (inTarget < total) {
                throw new UserInputException("count check failed: the source has " + total + " articles, the target "
                        + inTarget);
            }
            System.out.println("count check: ok (" + total + " in the source, " + inTarget + " in the target)");
            ReaderCopy.Copied readers = new ReaderCopy(source, target, newId, newSourceId).copyAll();
            if (readers.added() > 0) {
                System.out.printf("readers: %d account%s copied with their folders, follows, read and starred marks,"
                        + " saved searches and alerts (passwords unchanged)%n", readers.added(),
                        readers.added() == 1 ? "" : "s");
            }
            if (!readers.leftAlone().isEmpty()) {
                // A name clash is not an error (a second run meets its own copies), but the user must know that
                // these readers' folders, follows and marks were not brought over.
                System.out.println("readers not copied, the target already has an account of the same name (their"
                        + " folders, follows and marks there stay as they are): " + String.join(", ", readers.leftAlone()));
            }
        }
    }

    /**
     * The second pass, once every article has its number in the target: each article's understanding, and its place
     * in its story ({@link StoryCopy}: stories are named after their opening article, so they are renamed with it,
     * which needs the whole numbering). An article whose understanding the target already has is left alone, so a
     * second run adds no member twice. Then the clusterer's working state. Answers how many stories were added to.
     */
    private static int copyUnderstandingsAndStories(ArticleStore source, ArticleStore target, Map<Long, Long> newId) {
        java.util.function.LongFunction<java.util.Optional<Long>> renumbered =
                old -> java.util.Optional.ofNullable(newId.get(old));
        java.util.Set<String> stories = new java.util.HashSet<>();
        for (Map.Entry<Long, Long> copied : newId.entrySet()) {
            long id = copied.getValue();
            java.util.Optional<StoredUnderstanding> u = source.understanding(copied.getKey());
            if (u.isEmpty() || target.understanding(id).isPresent()) {
                continue;
            }
            java.util.Optional<String> story = u.get().storyId()
                    .map(s -> StoryCopy.targetStoryId(source, s, renumbered));
            target.saveUnderstanding(new StoredUnderstanding(id, u.get().understanding(), story));
            if (story.isPresent()) {
                io.huixun.store.StoredArticle a = target.find(id).orElseThrow();
                // an undated member was placed at the story clock's time, which the source's story row keeps as its
                // last time at most; its ingestion time would move the target's clock (StoryCopy.member)
                String sourceStory = u.get().storyId().get();
                target.addToStory(StoryCopy.member(a, story.get(), () -> source.story(sourceStory)
                        .map(io.huixun.store.StoryRecord::last).orElse(a.ingestedAt())));
                stories.add(story.get());
            }
        }
        StoryCopy.copyWorkingState(source, target, renumbered);
        return stories.size();
    }

    private static ArticleStore openTarget(String jdbc) {
        try {
            return PostgresArticleStore.open(jdbc);
        } catch (RuntimeException e) {
            throw new UserInputException("cannot open the target store: " + e.getMessage(), e);
        }
    }
}

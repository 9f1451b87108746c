package io.huixun.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huixun.dedup.Deduplicator;
import io.huixun.store.ArticleStore;
import io.huixun.store.ArticleSummary;
import io.huixun.ingest.DeduplicatingWriter;
import io.huixun.store.NewArticle;
import io.huixun.store.OriginalContent;
import io.huixun.store.SaveResult;
import io.huixun.store.StoredArticle;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class DeduplicatingWriterTest {
    private static final String STORY = """
            本台记者从有关部门获悉，今年一季度全国铁路发送旅客人数同比增长百分之十二，创下同期历史新高。
            为满足春运和清明假期出行需求，各地铁路部门优化列车开行方案，增开夜间高铁和城际列车，并延长部分车站服务时间。
            专家认为，客流持续回升反映出消费需求稳步恢复，也对运输组织和安全保障提出了更高要求。""";
    private static final String OTHER = """
            气象部门发布消息，受冷空气影响，未来三天北方大部地区将出现大风降温天气，局地降温幅度超过十度。
            农业部门提醒各地做好设施农业防风保温工作，及时加固大棚，防范低温对春播作物造成不利影响。""";

    @Parameter
    StoreBackend backend;
    @TempDir
    Path dir;
    private final Deduplicator dedup = Deduplicator.standard();
    private final List<StoreBackend.Place> places = new ArrayList<>();

    @BeforeEach
    void available() {
        assumeTrue(backend.unavailable().isEmpty(), () -> backend.unavailable().orElseThrow());
    }

    @AfterEach
    void dropPlaces() {
        places.forEach(StoreBackend.Place::close);
    }

    private StoreBackend.Place place() {
        StoreBackend.Place place = backend.place(dir);
        places.add(place);
        return place;
    }

    private NewArticle article(String url, String text, String repairLog, int day) {
        return new NewArticle(Optional.of(url), OptionalLong.empty(), "测试", text.substring(0, 10),
                Optional.of(ZonedDateTime.of(2025, 4, day, 19, 0, 0, 0, TestArticles.SHANGHAI)), false,
                new OriginalContent(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                text, repairLog, dedup.fingerprint(text), OptionalLong.empty());
    }

    /** Adds a tone-marked pinyin after every fourth Han character, as some portals do. */
    private static String pinyinSpam(String text) {
        StringBuilder out = new StringBuilder();
        int han = 0;
        for (char c : text.toCharArray()) {
            out.append(c);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && ++han % 4 == 0) {
                out.append("(dāng)");
            }
        }
        return out.toString();
    }

    @Test
    void aSpammedTraditionalCopyFoldsOntoItsCleanOriginalEvenWhenStoredFirst() {
        String spammed = pinyinSpam(ChineseConverter.of(ConversionConfig.S2T).convert(STORY));
        try (ArticleStore store = place().open()) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup);
            // the copy (repaired: its canonical text is the repair's output, here the spammed text itself) comes first
            long copy = ((SaveResult.Inserted) writer.save(article("https://portal.example.tw/1", spammed,
                    "[{\"kind\":\"pinyin\"}]", 3))).article().id();
            long other = ((SaveResult.Inserted) writer.save(article("https://news.example.cn/2", OTHER, "[]", 2)))
                    .article().id();
            SaveResult original = writer.save(article("https://news.example.cn/1", STORY, "[]", 2));

            long originalId = ((SaveResult.Inserted) original).article().id();
            assertThat(store.find(originalId).orElseThrow().duplicateOf()).isEmpty();
            assertThat(store.find(copy).orElseThrow().duplicateOf()).hasValue(originalId);
            assertThat(store.alsoAt(originalId)).extracting(ArticleSummary::id).containsExactly(copy);
            assertThat(store.find(other).orElseThrow().duplicateOf()).isEmpty();
            assertThat(store.listRecent(true, 0, 10)).extracting(ArticleSummary::id)
                    .containsExactlyInAnyOrder(originalId, other);

            assertThat(writer.save(article("https://news.example.cn/1", STORY, "[]", 2)))
                    .isInstanceOf(SaveResult.AlreadyStored.class);
            assertThat(writer.index().size()).isEqualTo(3);
        }
    }

    @Test
    void theIndexRebuiltFromTheStoreKnowsEarlierArticles() {
        long original;
        StoreBackend.Place shared = place();
        try (ArticleStore store = shared.open()) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup);
            original = ((SaveResult.Inserted) writer.save(article("https://news.example.cn/1", STORY, "[]", 2)))
                    .article().id();
        }
        try (ArticleStore store = shared.open()) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup);
            assertThat(writer.index().size()).isEqualTo(1);
            String edited = STORY.replace("百分之十二", "百分之十三").replace("夜间高铁", "夜间动车");
            SaveResult copy = writer.save(article("https://mirror.example.cn/1", edited, "[]", 4));
            assertThat(((SaveResult.Inserted) copy).article().duplicateOf()).hasValue(original);
            SaveResult unrelated = writer.save(article("https://news.example.cn/2", OTHER, "[]", 4));
            assertThat(((SaveResult.Inserted) unrelated).article().duplicateOf()).isEmpty();
        }
    }

    /** Run 1: stores {@link #STORY} and saves the index to {@code saved}; returns the story's id. */
    private long storyStoredAndIndexSaved(StoreBackend.Place shared, Path saved) throws java.io.IOException {
        try (ArticleStore store = shared.open()) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup, Optional.of(saved));
            long id = ((SaveResult.Inserted) writer.save(article("https://news.example.cn/1", STORY, "[]", 2)))
                    .article().id();
            writer.saveIndex(saved);
            return id;
        }
    }

    /**
     * Run 1 saves its index at the end; between runs another writer (no saved index) stores a report the file does
     * not know; run 2 reads the file, deletes it, adds the newer report from the store, and folds copies of both; it
     * ends without saving (a crash), so run 3 finds no file and rebuilds from the store, with the same outcome.
     */
    @Test
    void aSavedIndexIsReadOnceAndCompletedFromTheStore() throws java.io.IOException {
        Path saved = dir.resolve("dedup-index.bin");
        StoreBackend.Place shared = place();
        long first = storyStoredAndIndexSaved(shared, saved);
        assertThat(saved).exists();
        long later;
        try (ArticleStore store = shared.open()) {
            later = ((SaveResult.Inserted) DeduplicatingWriter.open(store, dedup)
                    .save(article("https://news.example.cn/2", OTHER, "[]", 3))).article().id();
        }
        for (int run = 2; run <= 3; run++) {
            // A different edit each run: the same text twice would be refused as already stored.
            String edited = STORY.replace("百分之十二", run == 2 ? "百分之十三" : "百分之十四").replace("夜间高铁", "夜间动车");
            String otherEdited = OTHER.replace("十度", run == 2 ? "八度" : "九度");
            try (ArticleStore store = shared.open()) {
                DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup, Optional.of(saved));
                assertThat(saved).as("run " + run + ": read and deleted").doesNotExist();
                assertThat(writer.index().size()).isEqualTo(2 + 2 * (run - 2));
                SaveResult copy = writer.save(article("https://mirror.example.cn/" + run, edited, "[]", 4));
                assertThat(((SaveResult.Inserted) copy).article().duplicateOf()).hasValue(first);
                SaveResult otherCopy = writer.save(article("https://mirror.example.cn/o" + run, otherEdited, "[]",
                        4));
                assertThat(((SaveResult.Inserted) otherCopy).article().duplicateOf()).hasValue(later);
            }
        }
    }

    @Test
    void aDamagedSavedIndexIsSetAsideAndTheIndexRebuiltFromTheStore() throws java.io.IOException {
        Path saved = dir.resolve("dedup-index.bin");
        StoreBackend.Place shared = place();
        long first = storyStoredAndIndexSaved(shared, saved);
        byte[] bytes = java.nio.file.Files.readAllBytes(saved);
        bytes[bytes.length - 20] ^= 1;
        java.nio.file.Files.write(saved, bytes);
        try (ArticleStore store = shared.open()) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup, Optional.of(saved));
            assertThat(saved).doesNotExist();
            assertThat(writer.index().size()).isEqualTo(1);
            String edited = STORY.replace("百分之十二", "百分之十三");
            SaveResult copy = writer.save(article("https://mirror.example.cn/1", edited, "[]", 4));
            assertThat(((SaveResult.Inserted) copy).article().duplicateOf()).hasValue(first);
        }
    }

    @Test
    void savingInBatchesLinksExactlyLikeSavingOneByOne() {
        String spammed = pinyinSpam(ChineseConverter.of(ConversionConfig.S2T).convert(STORY));
        String edited = STORY.replace("百分之十二", "百分之十三").replace("夜间高铁", "夜间动车");
        List<NewArticle> articles = List.of(
                article("https://portal.example.tw/1", spammed, "[{\"kind\":\"pinyin\"}]", 3),
                article("https://news.example.cn/2", OTHER, "[]", 2),
                article("https://mirror.example.cn/1", edited, "[]", 4),
                article("https://news.example.cn/1", STORY, "[]", 2),
                article("https://news.example.cn/1", STORY, "[]", 2),
                article("https://news.example.cn/3", OTHER.substring(20) + "记者从现场发回报道。", "[]", 5));
        Map<String, String> batched;
        List<String> batchedKinds;
        try (ArticleStore store = place().open()) {
            List<SaveResult> results = DeduplicatingWriter.open(store, dedup).saveAll(articles);
            batchedKinds = results.stream().map(r -> r.getClass().getSimpleName()).toList();
            batched = groups(store);
        }
        Map<String, String> single;
        List<String> singleKinds = new ArrayList<>();
        try (ArticleStore store = place().open()) {
            DeduplicatingWriter writer = DeduplicatingWriter.open(store, dedup);
            for (NewArticle article : articles) {
                singleKinds.add(writer.save(article).getClass().getSimpleName());
            }
            single = groups(store);
        }
        assertThat(batchedKinds).containsExactly("Inserted", "Inserted", "Inserted", "Inserted", "AlreadyStored",
                "Inserted");
        assertThat(batchedKinds).isEqualTo(singleKinds);
        assertThat(batched).isEqualTo(single);
        assertThat(batched).containsEntry("https://portal.example.tw/1", "https://news.example.cn/1")
                .containsEntry("https://mirror.example.cn/1", "https://news.example.cn/1")
                .containsEntry("https://news.example.cn/1", "https://news.example.cn/1")
                .containsEntry("https://news.example.cn/3", "https://news.example.cn/2");
    }

    /** url → url of its canonical. */
    private static Map<String, String> groups(ArticleStore store) {
        Map<Long, String> urls = new HashMap<>();
        Map<Long, Long> canonical = new HashMap<>();
        try (Stream<StoredArticle> all = store.exportAll()) {
            all.forEach(a -> {
                urls.put(a.id(), a.url().orElseThrow());
                canonical.put(a.id(), a.canonicalId());
            });
        }
        Map<String, String> groups = new HashMap<>();
        canonical.forEach((id, c) -> groups.put(urls.get(id), urls.get(c)));
        return groups;
    }
}

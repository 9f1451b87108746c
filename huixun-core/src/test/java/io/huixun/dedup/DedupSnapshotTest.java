package io.huixun.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved and read index answers exactly as the index it was saved from; a file that is not right is refused. */
class DedupSnapshotTest {
    private final Deduplicator dedup = Deduplicator.standard();
    private final Map<Long, Fingerprint> stored = new ConcurrentHashMap<>();
    @TempDir
    Path dir;

    private DedupIndex newIndex() {
        return new DedupIndex(dedup.config(), id -> Optional.ofNullable(stored.get(id)));
    }

    /** 60 articles (ids 10, 20, …), a third of them copies of earlier ones, some dated, some not clean, one empty. */
    private DedupIndex filled(GeneratedNews news, List<String> texts) {
        DedupIndex index = newIndex();
        for (int i = 0; i < 60; i++) {
            String text = i % 3 == 2 ? GeneratedNews.traditional(texts.get(i - 2)) : news.article(4);
            if (i == 7) {
                text = "。。。"; // no shingle: an empty signature
            }
            texts.add(text);
            long id = 10L * (i + 1);
            Fingerprint f = dedup.fingerprint(text);
            stored.put(id, f);
            CanonicalRank rank = new CanonicalRank(i % 4 != 0,
                    i % 5 == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(1_700_000_000L + i * 3600L)));
            DedupVerdict v = index.check(f, rank);
            long canonical = v instanceof DedupVerdict.DuplicateOf d ? d.canonicalId() : id;
            index.add(id, canonical, f, rank);
        }
        return index;
    }

    @Test
    void aReadIndexGivesTheSameVerdictsAndMatchesAsTheSavedOne() throws IOException {
        GeneratedNews news = new GeneratedNews(5);
        List<String> texts = new ArrayList<>();
        DedupIndex original = filled(news, texts);
        Path file = dir.resolve("dedup-index.bin");
        DedupSnapshot.write(original, dedup.config(), file);

        DedupIndex read = newIndex();
        DedupSnapshot.Loaded loaded = DedupSnapshot.read(file, dedup.config(), read);
        assertThat(loaded).isEqualTo(new DedupSnapshot.Loaded(600, 60));
        assertThat(read.size()).isEqualTo(60);

        List<String> queries = new ArrayList<>(texts);
        texts.forEach(t -> queries.add(news.lightEdit(t, 10)));
        queries.add(news.article(4));
        CanonicalRank early = new CanonicalRank(true, Optional.of(Instant.ofEpochSecond(1_600_000_000L)));
        CanonicalRank late = new CanonicalRank(false, Optional.empty());
        int near = 0;
        for (String q : queries) {
            Fingerprint f = dedup.fingerprint(q);
            assertThat(read.matches(f)).as(q).isEqualTo(original.matches(f));
            assertThat(read.check(f, early)).as(q).isEqualTo(original.check(f, early));
            assertThat(read.check(f, late)).as(q).isEqualTo(original.check(f, late));
            near += original.matches(f).isEmpty() ? 0 : 1;
        }
        assertThat(near).as("queries that match something (the comparison is not vacuous)").isGreaterThan(100);
        // Saved again, the read index gives the same bytes: nothing was lost on the way.
        Path again = dir.resolve("again.bin");
        DedupSnapshot.write(read, dedup.config(), again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aDamagedTruncatedOrForeignFileIsRefused() throws IOException {
        DedupIndex original = filled(new GeneratedNews(6), new ArrayList<>());
        Path file = dir.resolve("dedup-index.bin");
        DedupSnapshot.write(original, dedup.config(), file);
        byte[] bytes = Files.readAllBytes(file);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        refused(file, flipped).hasMessageContaining("damaged");
        refused(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        Files.write(file, bytes);
        DedupConfig other = new DedupConfig(4, 40, 3, 0.5, 0.15, true);
        assertThatThrownBy(() -> DedupSnapshot.read(file, other, new DedupIndex(other, id -> Optional.empty())))
                .isInstanceOf(IOException.class).hasMessageContaining("another de-duplication configuration");

        refused(file, "not an index".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasMessageContaining("not a saved de-duplication index");
    }

    @Test
    void aFileOfAnotherStoreIsRefused() throws IOException {
        DedupIndex original = filled(new GeneratedNews(7), new ArrayList<>());
        Path file = dir.resolve("dedup-index.bin");
        DedupSnapshot.write(original, dedup.config(), file);
        // The same ids for other articles, as after a migration that numbered them anew.
        GeneratedNews others = new GeneratedNews(8);
        Map<Long, Fingerprint> otherStore = new ConcurrentHashMap<>();
        stored.keySet().forEach(id -> otherStore.put(id, dedup.fingerprint(others.article(4))));
        assertThatThrownBy(() -> DedupSnapshot.read(file, dedup.config(),
                new DedupIndex(dedup.config(), id -> Optional.ofNullable(otherStore.get(id)))))
                .isInstanceOf(IOException.class).hasMessageContaining("does not describe this store");
        // And a store that lacks the articles.
        assertThatThrownBy(() -> DedupSnapshot.read(file, dedup.config(),
                new DedupIndex(dedup.config(), id -> Optional.empty())))
                .isInstanceOf(IOException.class).hasMessageContaining("does not describe this store");
    }

    /** A file written to mislead (its checksum recomputed): a count or a highest id that does not fit is refused. */
    @Test
    void aFileWithAConsistentChecksumButAWrongCountOrHighestIdIsRefused() throws IOException {
        DedupIndex original = filled(new GeneratedNews(9), new ArrayList<>());
        Path file = dir.resolve("dedup-index.bin");
        DedupSnapshot.write(original, dedup.config(), file);
        byte[] bytes = Files.readAllBytes(file);
        int countAt = 8 + 2 + dedup.config().toString().length();

        byte[] fewer = bytes.clone();
        java.nio.ByteBuffer.wrap(fewer).putInt(countAt, 59);
        refused(file, withChecksum(fewer)).hasMessageContaining("count does not fit");

        byte[] negative = bytes.clone();
        java.nio.ByteBuffer.wrap(negative).putInt(countAt, -1);
        refused(file, withChecksum(negative)).hasMessageContaining("count does not fit");

        byte[] higher = bytes.clone();
        java.nio.ByteBuffer.wrap(higher).putLong(bytes.length - 16, 1_000_000L);
        refused(file, withChecksum(higher)).hasMessageContaining("highest id");
    }

    /** Writes {@code content} to {@code file}; reading it must fail with an IOException (for more checks). */
    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(Path file, byte[] content)
            throws IOException {
        Files.write(file, content);
        return assertThatThrownBy(() -> DedupSnapshot.read(file, dedup.config(), newIndex()))
                .isInstanceOf(IOException.class);
    }

    private static byte[] withChecksum(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        java.nio.ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        return bytes;
    }
}

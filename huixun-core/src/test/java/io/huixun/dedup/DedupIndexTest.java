package io.huixun.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DedupIndexTest {
    private final Deduplicator dedup = Deduplicator.standard();
    private static final CanonicalRank CLEAN_UNDATED = new CanonicalRank(true, Optional.empty());
    /** Stands for the store: what the index looks up. */
    private final Map<Long, Fingerprint> stored = new ConcurrentHashMap<>();

    private DedupIndex newIndex() {
        return new DedupIndex(dedup.config(), id -> Optional.ofNullable(stored.get(id)));
    }

    private void add(DedupIndex index, long id, long canonicalId, Fingerprint fingerprint, CanonicalRank rank) {
        stored.put(id, fingerprint);
        index.add(id, canonicalId, fingerprint, rank);
    }

    @Test
    void copiesOfAStoryFoldOntoItsOriginal() {
        GeneratedNews news = new GeneratedNews(11);
        DedupIndex index = newIndex();
        String original = news.article(6);
        add(index, 1, 1, dedup.fingerprint(original), CLEAN_UNDATED);
        for (int i = 0; i < 20; i++) {
            add(index, 100 + i, 100 + i, dedup.fingerprint(news.article(6)), CLEAN_UNDATED);
        }
        List<String> copies = List.of(
                GeneratedNews.traditional(original),
                news.pinyinSpam(GeneratedNews.traditional(original), 4),
                GeneratedNews.truncate(original, 0.8),
                news.lightEdit(original, 15),
                news.reorderParagraphs(original));
        for (String copy : copies) {
            assertThat(index.check(dedup.fingerprint(copy), CLEAN_UNDATED))
                    .as(copy)
                    .isInstanceOfSatisfying(DedupVerdict.DuplicateOf.class, d -> assertThat(d.canonicalId()).isEqualTo(1));
        }
        assertThat(index.check(dedup.fingerprint(news.article(6)), CLEAN_UNDATED))
                .isInstanceOf(DedupVerdict.Unique.class);
    }

    @Test
    void anEarlierCleanCopySupersedesAndRelinkMovesTheGroup() {
        GeneratedNews news = new GeneratedNews(12);
        DedupIndex index = newIndex();
        String original = news.article(5);
        CanonicalRank late = new CanonicalRank(true, Optional.of(Instant.parse("2025-04-02T00:00:00Z")));
        CanonicalRank early = new CanonicalRank(true, Optional.of(Instant.parse("2025-04-01T00:00:00Z")));
        CanonicalRank earlyButRepaired = new CanonicalRank(false, Optional.of(Instant.parse("2025-03-01T00:00:00Z")));
        add(index, 1, 1, dedup.fingerprint(original), late);
        add(index, 2, 1, dedup.fingerprint(news.lightEdit(original, 5)), late);

        assertThat(index.check(dedup.fingerprint(GeneratedNews.traditional(original)), earlyButRepaired))
                .isInstanceOf(DedupVerdict.DuplicateOf.class);
        DedupVerdict verdict = index.check(dedup.fingerprint(original), early);
        assertThat(verdict).isEqualTo(new DedupVerdict.Supersedes(List.of(1L), 1, DedupVerdict.Kind.EXACT, 1.0));

        add(index, 3, 3, dedup.fingerprint(original), early);
        index.relink(1, 3);
        assertThat(index.matches(dedup.fingerprint(original)))
                .extracting(DedupIndex.Match::canonicalId).containsOnly(3L);
    }

    @Test
    void aCopyJoinsAGroupOnlyThroughItsCanonical() {
        GeneratedNews news = new GeneratedNews(14);
        String p = news.article(3);
        String q = news.article(3);
        String r = news.article(1);
        String a = p + q;
        String x = q; // a copy of the second half of a, linked to a
        String b = q + r; // similar to x, not to a
        assertThat(dedup.similarity(b, x)).isGreaterThan(0.6);
        assertThat(dedup.similarity(b, a)).isLessThan(0.5);
        DedupIndex index = newIndex();
        add(index, 1, 1, dedup.fingerprint(a), CLEAN_UNDATED);
        add(index, 2, 1, dedup.fingerprint(x), CLEAN_UNDATED);

        assertThat(index.matches(dedup.fingerprint(b))).extracting(DedupIndex.Match::id).containsExactly(2L);
        assertThat(index.check(dedup.fingerprint(b), CLEAN_UNDATED)).isInstanceOf(DedupVerdict.Unique.class);
    }

    @Test
    void aBetterCopyMatchingTwoGroupsSupersedesBoth() {
        GeneratedNews news = new GeneratedNews(15);
        DedupIndex index = newIndex();
        String original = news.article(6);
        CanonicalRank later = new CanonicalRank(true, Optional.of(Instant.parse("2025-04-02T00:00:00Z")));
        CanonicalRank earlier = new CanonicalRank(true, Optional.of(Instant.parse("2025-04-01T00:00:00Z")));
        // two copies that are not similar enough to each other to share a group, both similar to the original
        String head = GeneratedNews.truncate(original, 0.75);
        String tail = original.substring(original.length() / 4);
        assertThat(dedup.similarity(head, tail)).isLessThan(0.5);
        add(index, 1, 1, dedup.fingerprint(head), later);
        add(index, 2, 2, dedup.fingerprint(tail), later);

        DedupVerdict verdict = index.check(dedup.fingerprint(original), earlier);

        assertThat(verdict).isInstanceOfSatisfying(DedupVerdict.Supersedes.class,
                s -> assertThat(s.oldCanonicalIds()).containsExactlyInAnyOrder(1L, 2L));
        assertThat(index.check(dedup.fingerprint(original), later)).isInstanceOf(DedupVerdict.DuplicateOf.class);
    }

    /**
     * Pairwise precision and recall of the verified index against exact 5-gram Jaccard ≥ 0.5 on generated copies,
     * many of them deliberately near the threshold (truncations to 50–90 %, up to 117 random edits).
     */
    @Test
    void pairwiseMatchesAgreeWithExactJaccard() {
        GeneratedNews news = new GeneratedNews(13);
        List<String> texts = new ArrayList<>();
        for (int story = 0; story < 40; story++) {
            String original = news.article(3 + story % 5);
            texts.add(original);
            texts.add(news.pinyinSpam(GeneratedNews.traditional(original), 6));
            texts.add(GeneratedNews.truncate(original, 0.5 + 0.1 * (story % 5)));
            texts.add(news.lightEdit(original, story * 3));
            texts.add(news.reorderParagraphs(original));
        }
        DedupIndex index = newIndex();
        List<long[]> shingles = new ArrayList<>();
        List<Fingerprint> fingerprints = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String normalized = dedup.normalize(texts.get(i));
            shingles.add(dedup.shingleHashes(normalized));
            fingerprints.add(dedup.fingerprint(texts.get(i)));
            add(index, i, i, fingerprints.get(i), CLEAN_UNDATED);
        }
        Set<Long> truth = new HashSet<>();
        Set<Long> predicted = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (Deduplicator.jaccard(shingles.get(i), shingles.get(j)) >= 0.5) {
                    truth.add((long) i * texts.size() + j);
                }
            }
            int query = i;
            Verification verification = dedup.verification(texts.get(i), id -> Optional.of(texts.get((int) id)));
            for (DedupIndex.Match m : index.matches(fingerprints.get(query), verification)) {
                if (m.id() > i) {
                    predicted.add(i * (long) texts.size() + m.id());
                }
            }
        }
        Set<Long> truePositives = new HashSet<>(predicted);
        truePositives.retainAll(truth);
        assertThat(truth).hasSizeGreaterThan(200);
        assertThat((double) truePositives.size() / predicted.size()).as("precision").isGreaterThanOrEqualTo(0.99);
        assertThat((double) truePositives.size() / truth.size()).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The index keeps 8 bits of each hash: a text that agrees with a member in every low byte but in no whole band is
     * no candidate, as with whole hashes, and one that agrees in all low bytes and no whole hash matches nothing.
     */
    @Test
    void agreementInTheLowBitsAloneMatchesNothing() {
        SplittableRandom random = new SplittableRandom(7);
        int[] member = randomHashes(random);
        DedupIndex index = newIndex();
        add(index, 1, 1, new Fingerprint(key(random), new MinHashSignature(member)), CLEAN_UNDATED);

        int[] highBitsDiffer = member.clone();
        for (int i = 0; i < highBitsDiffer.length; i++) {
            highBitsDiffer[i] ^= 0x100;
        }
        int[] noWholeBand = member.clone(); // 80 of 120 hashes agree (estimate 0.67), but no band of 3 does
        for (int band = 0; band < dedup.config().bands(); band++) {
            noWholeBand[band * dedup.config().rows()] ^= 0x100;
        }
        for (int[] query : List.of(highBitsDiffer, noWholeBand)) {
            Fingerprint fingerprint = new Fingerprint(key(random), new MinHashSignature(query));
            assertThat(index.matches(fingerprint)).isEmpty();
            assertThat(index.check(fingerprint, CLEAN_UNDATED)).isInstanceOf(DedupVerdict.Unique.class);
        }
        int[] oneWholeBand = noWholeBand.clone();
        oneWholeBand[0] = member[0];
        assertThat(index.matches(new Fingerprint(key(random), new MinHashSignature(oneWholeBand))))
                .containsExactly(new DedupIndex.Match(1, 1, 81 / 120.0));
    }

    @Test
    void aMemberWhoseFingerprintCannotBeLookedUpIsAnError() {
        SplittableRandom random = new SplittableRandom(8);
        Fingerprint fingerprint = new Fingerprint(key(random), new MinHashSignature(randomHashes(random)));
        DedupIndex index = new DedupIndex(dedup.config(), id -> Optional.empty());
        index.add(1, 1, fingerprint, CLEAN_UNDATED);

        assertThatThrownBy(() -> index.check(fingerprint, CLEAN_UNDATED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("article 1");
    }

    /**
     * Readers check while a writer adds (and the tables grow under them): every reader always finds each member that
     * was there before it started, as an exact duplicate of its own group.
     */
    @Test
    void readersCheckWhileAWriterAdds() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        List<Fingerprint> all = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            all.add(new Fingerprint(key(random), new MinHashSignature(randomHashes(random))));
        }
        DedupIndex index = newIndex();
        for (int i = 0; i < 200; i++) {
            add(index, i, i, all.get(i), CLEAN_UNDATED);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int i = 200; i < all.size(); i++) {
                    add(index, i, i, all.get(i), CLEAN_UNDATED);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                int seed = r;
                readers.add(threads.submit(() -> {
                    SplittableRandom pick = new SplittableRandom(seed);
                    int checks = 0;
                    while (!writer.isDone() || checks < 500) {
                        int i = pick.nextInt(200);
                        assertThat(index.check(all.get(i), new CanonicalRank(false, Optional.empty())))
                                .isEqualTo(new DedupVerdict.DuplicateOf(i, i, DedupVerdict.Kind.EXACT, 1.0));
                        checks++;
                    }
                    return checks;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(500);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(all.size());
        for (int i = 0; i < all.size(); i += 97) {
            assertThat(index.matches(all.get(i))).extracting(DedupIndex.Match::id).containsExactly((long) i);
        }
    }

    private int[] randomHashes(SplittableRandom random) {
        int[] hashes = new int[dedup.config().numHashes()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextInt(Integer.MAX_VALUE);
        }
        return hashes;
    }

    private static String key(SplittableRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package io.huixun.text.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LostCharacterRestorerTest {
    @Test
    void shortlistIsTheHeadOfTheSortedCandidates() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int k = random.nextInt(300);
            long[] keys = random.longs(k).distinct().toArray();
            long[] sorted = keys.clone();
            Arrays.sort(sorted);
            int kept = LostCharacterRestorer.smallestFirst(keys, keys.length, 40);
            assertThat(kept).isEqualTo(Math.min(40, keys.length));
            assertThat(Arrays.copyOf(keys, kept)).containsExactly(Arrays.copyOf(sorted, kept));
        }
    }

    @Test
    void streamedShortlistKeepsTheSmallestSeen() {
        // as the restorer calls it: every 80 keys, the kept 40 (sorted) in front of 40 new ones
        Random random = new Random(8);
        long[] all = random.longs(4000).distinct().toArray();
        long[] keys = new long[80];
        int k = 0;
        for (long key : all) {
            keys[k++] = key;
            if (k == keys.length) {
                k = LostCharacterRestorer.smallestFirst(keys, k, 40);
            }
        }
        k = LostCharacterRestorer.smallestFirst(keys, k, 40);
        long[] sorted = all.clone();
        Arrays.sort(sorted);
        assertThat(Arrays.copyOf(keys, k)).containsExactly(Arrays.copyOf(sorted, 40));
    }
}

package io.huixun.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.search.SearchIndexException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sixteen threads search at once through two slots: never more than two run, and every search gets its turn. */
class SearchSlotsTest {
    @Test
    void noMoreSearchesRunAtOnceThanThereAreSlotsAndAllRun() throws Exception {
        SearchSlots slots = new SearchSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                int result = slots.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return 1;
                });
                done.addAndGet(result);
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(done.get()).isEqualTo(16);
        assertThat(most.get()).isEqualTo(2); // both slots used, never a third
    }

    @Test
    void aWaitingSearchThatIsInterruptedKeepsItsInterruptAndSaysSo() throws Exception {
        SearchSlots slots = new SearchSlots(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> slots.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }));
        holding.await();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> slots.run(() -> 1)).isInstanceOf(SearchIndexException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            release.countDown();
            holder.join();
        }
        assertThat(slots.run(() -> 7)).as("the slot is free again").isEqualTo(7);
    }
}

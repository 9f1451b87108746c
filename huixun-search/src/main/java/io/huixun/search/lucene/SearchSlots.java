package io.huixun.search.lucene;

import io.huixun.search.SearchIndexException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most as many searches run at once as there are cores; the others wait their turn, first come first served.
 *
 * <p>Why: with more searches running than cores, the cores are shared among all of them, and each search is stretched
 * by the number running. Eight clients on two cores: a search of 20 ms of CPU takes about 80 ms. Admitted in turn, it
 * waits for the searches ahead of it (a few ms each) and then runs alone on its core: about 20 ms plus the wait. The
 * same work is done either way, so the mean latency is the same; the tail is shorter, because the costly searches are
 * no longer stretched. (Search servers do the same with a search thread pool sized to the cores.)
 *
 * <p>Thread-safe: a fair {@link Semaphore}; a waiting thread that is interrupted keeps its interrupt and gets a
 * {@link SearchIndexException}.
 */
final class SearchSlots {
    private final Semaphore slots;

    SearchSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1: " + slots);
        }
        this.slots = new Semaphore(slots, true);
    }

    /** One slot per core. */
    static SearchSlots perCore() {
        return new SearchSlots(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code search} once a slot is free. */
    <T> T run(Supplier<T> search) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchIndexException("interrupted while waiting to search", e);
        }
        try {
            return search.get();
        } finally {
            slots.release();
        }
    }
}

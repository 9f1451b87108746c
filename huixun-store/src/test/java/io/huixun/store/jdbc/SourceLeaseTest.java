package io.huixun.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huixun.store.ArticleStore;
import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Source leases: a due source is handed to one node at a time, on every back-end. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class SourceLeaseTest extends OnEveryStoreBackend {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);



    private long add(int n) {
        return ((SourceAddResult.Added) store.addSource(new NewSource("源" + n, "https://feeds.example.cn/" + n + ".xml",
                SourceKind.FEED, Optional.empty(), Duration.ofMinutes(15)))).source().id();
    }

    @Test
    void eachDueSourceIsLeasedOnceUntilItsLeaseRunsOut() {
        List<Long> ids = List.of(add(1), add(2), add(3));

        List<Long> leased = new ArrayList<>();
        for (Optional<Source> s; (s = store.leaseDueSource("node-a", T, LEASE)).isPresent(); ) {
            leased.add(s.get().id());
        }
        assertThat(leased).containsExactlyElementsOf(ids); // never due before: oldest id first
        assertThat(store.leaseDueSource("node-b", T.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        assertThat(store.leaseDueSource("node-b", T.plus(LEASE), LEASE)).map(Source::id).contains(ids.get(0));
    }

    @Test
    void aFetchResultReleasesTheLeaseAndTheNextDueTimeDecides() {
        long ok = add(1);
        long failing = add(2);
        long paused = add(3);
        store.setSourcePaused(paused, true);
        assertThat(store.leaseDueSource("node-a", T, LEASE)).map(Source::id).contains(ok);
        assertThat(store.leaseDueSource("node-a", T, LEASE)).map(Source::id).contains(failing);
        assertThat(store.leaseDueSource("node-a", T, LEASE)).isEmpty(); // the paused one is never handed out

        store.recordFetchSuccess(ok, T.plusSeconds(5), T.plus(Duration.ofHours(1)));
        store.recordFetchFailure(failing, T.plusSeconds(5), "HTTP 503", T.plus(Duration.ofMinutes(30)));
        assertThat(store.leaseDueSource("node-b", T.plus(Duration.ofMinutes(20)), LEASE)).isEmpty();
        Source due = store.leaseDueSource("node-b", T.plus(Duration.ofMinutes(30)), LEASE).orElseThrow();
        assertThat(due.id()).isEqualTo(failing);
        assertThat(due.health().consecutiveFailures()).isEqualTo(1);
        store.recordFetchFailure(failing, T.plus(Duration.ofMinutes(31)), "timeout", T.plus(Duration.ofHours(2)));
        // released by its result, not by the lease running out: due again at its next due time
        assertThat(store.leaseDueSource("node-b", T.plus(Duration.ofHours(1)), LEASE)).map(Source::id).contains(ok);
    }

    @Test
    void twoNodesLeasingAtOnceNeverGetTheSameSource() throws Exception {
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            all.add(add(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ArticleStore second = place.open()) {
            List<Future<List<Long>>> nodes = new ArrayList<>();
            for (ArticleStore node : List.of(store, second)) {
                String name = node == store ? "node-a" : "node-b";
                nodes.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (Optional<Source> s; (s = node.leaseDueSource(name, T, LEASE)).isPresent(); ) {
                        mine.add(s.get().id());
                    }
                    return mine;
                }));
            }
            List<Long> a = nodes.get(0).get();
            List<Long> b = nodes.get(1).get();
            Set<Long> both = new HashSet<>(a);
            both.retainAll(b);
            assertThat(both).as("leased by both nodes").isEmpty();
            assertThat(a.size() + b.size()).isEqualTo(40);
            Set<Long> union = new HashSet<>(a);
            union.addAll(b);
            assertThat(union).isEqualTo(all);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseNeedsANodeAndALength() {
        assertThatThrownBy(() -> store.leaseDueSource(" ", T, LEASE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.leaseDueSource("n", T, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

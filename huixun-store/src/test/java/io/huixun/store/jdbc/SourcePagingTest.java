package io.huixun.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.huixun.store.NewSource;
import io.huixun.store.Source;
import io.huixun.store.SourceAddResult;
import io.huixun.store.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The sources page reads one page at a time (keyset by id), forwards and back, on every back-end. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.huixun.store.jdbc.StoreBackend#all")
class SourcePagingTest extends OnEveryStoreBackend {

    private long add(int n) {
        return ((SourceAddResult.Added) store.addSource(new NewSource("源" + n, "https://feeds.example.cn/" + n + ".xml",
                SourceKind.FEED, Optional.empty(), Duration.ofMinutes(30)))).source().id();
    }

    @Test
    void pagesForwardAndBackCoverEverySourceOnceInIdOrder() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(add(i));
        }
        store.removeSource(ids.get(3)); // a gap in the ids must not shorten a page
        ids.remove(3);
        assertThat(store.countSources()).isEqualTo(24);

        List<Long> seen = new ArrayList<>();
        long after = 0;
        List<Source> page;
        while (!(page = store.listSources(after, 10, false)).isEmpty()) {
            assertThat(page.size()).isLessThanOrEqualTo(10);
            page.forEach(s -> seen.add(s.id()));
            after = page.get(page.size() - 1).id();
        }
        assertThat(seen).containsExactlyElementsOf(ids);

        // back from the third page's first id: the ten before it, ascending
        long thirdFirst = ids.get(20);
        assertThat(store.listSources(thirdFirst, 10, true).stream().map(Source::id).toList())
                .containsExactlyElementsOf(ids.subList(10, 20));
        assertThat(store.listSources(ids.get(2), 10, true).stream().map(Source::id).toList())
                .containsExactlyElementsOf(ids.subList(0, 2));
    }

    @Test
    void theRefreshIntervalCanBeChanged() {
        long id = add(1);
        assertThat(store.setSourceRefreshInterval(id, Duration.ofMinutes(90))).isTrue();
        assertThat(store.findSource(id).orElseThrow().refreshInterval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(store.setSourceRefreshInterval(id + 1000, Duration.ofMinutes(90))).isFalse();
    }
}

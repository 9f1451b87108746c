package io.huixun.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huixun.store.ArticleStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The set-up shared by the store suites that run on every back-end: the back-end under test (a
 * {@code @ParameterizedClass} over {@link StoreBackend#all}), a fresh place for it and an open store, closed after
 * each test. Back-ends that are not available here (PostgreSQL without a test database) are skipped with the reason.
 */
abstract class OnEveryStoreBackend {
    @Parameter
    StoreBackend backend;
    @TempDir
    Path dir;
    StoreBackend.Place place;
    ArticleStore store;

    @BeforeEach
    void open() {
        assumeTrue(backend.unavailable().isEmpty(), () -> backend.unavailable().orElseThrow());
        place = backend.place(dir);
        store = place.open();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
            place.close();
        }
    }
}

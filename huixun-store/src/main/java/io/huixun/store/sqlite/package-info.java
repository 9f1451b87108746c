/**
 * The SQLite implementation of {@link io.huixun.store.ArticleStore}: one database file in WAL mode, schema managed by
 * Flyway migrations from {@code db/migration/common} (SQL kept portable to PostgreSQL).
 *
 * <p>Entry point: {@link io.huixun.store.sqlite.SqliteArticleStore#open}.
 *
 * <p><b>Layer</b>: a store back-end (same rules as {@code store.jdbc}, which it builds on). Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.store.sqlite;

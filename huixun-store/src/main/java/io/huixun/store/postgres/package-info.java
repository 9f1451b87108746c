/**
 * The PostgreSQL implementation of {@link io.huixun.store.ArticleStore}, for several Huixun nodes sharing one
 * database: same Flyway migrations and SQL as SQLite, transactions committed before a save is acknowledged,
 * bounded retries while the server restarts, source leases with {@code FOR UPDATE SKIP LOCKED}.
 *
 * <p>Entry point: {@link io.huixun.store.postgres.PostgresArticleStore#open}.
 *
 * <p><b>Layer</b>: a store back-end (same rules as {@code store.jdbc}, which it builds on). Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.store.postgres;

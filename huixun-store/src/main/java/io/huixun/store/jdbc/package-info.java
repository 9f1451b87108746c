/**
 * The JDBC stores' shared SQL and row mapping ({@link io.huixun.store.jdbc.JdbcArticleStore}); the back-ends in
 * {@code io.huixun.store.sqlite} and {@code io.huixun.store.postgres} add connections, transactions and the few
 * dialect differences.
 *
 * <p><b>Layer</b>: a store back-end. Imports {@code store} (which it implements), the values it maps ({@code dedup},
 * {@code nlp}), the shared text layer and {@code model}; never ingest, search or the app. Kept by {@code LayersTest}
 * (huixun-bench).
 */
package io.huixun.store.jdbc;

/**
 * The JDBC stores' shared SQL and row mapping ({@link io.huixun.store.jdbc.JdbcArticleStore}); the back-ends in
 * {@code io.huixun.store.sqlite} and {@code io.huixun.store.postgres} add connections, transactions and the few
 * dialect differences.
 */
package io.huixun.store.jdbc;

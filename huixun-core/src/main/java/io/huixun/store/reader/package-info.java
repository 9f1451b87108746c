/**
 * What the store keeps for each reader: accounts, server-side sessions, reading state (read, starred), folders,
 * follows and saved searches ({@link io.huixun.store.reader.ReaderStore}, reached through
 * {@link io.huixun.store.ArticleStore#readers()}). Every type here but the store is an immutable value.
 *
 * <p><b>Layer</b>: part of the {@code store} stage (same rules). Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.store.reader;

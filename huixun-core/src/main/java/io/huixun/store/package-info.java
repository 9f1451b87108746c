/**
 * Storage interfaces: what the ingest pipeline and the web UI need from a store of articles and sources.
 *
 * <p>Core defines only the contract ({@link io.huixun.store.ArticleStore}) and its immutable value types; the
 * database implementations live in the {@code huixun-store} module, so the compiler keeps core free of JDBC drivers.
 * The values are defined here rather than in a shared model package because no such package existed when storage
 * was written; {@link io.huixun.store.StoredArticle} is deliberately distinct from an extraction result.
 *
 * <p><b>Layer</b>: a stage: storage interfaces and their values, implemented by {@code huixun-store}. Imports {@code
 * dedup} and {@code nlp} for the values its records carry (fingerprints, understanding), the shared text layer and
 * {@code model}; never ingest or a back-end. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.store;

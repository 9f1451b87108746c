/**
 * An installation: one data folder's store, search index and settings opened together
 * ({@link io.huixun.app.Installation}, {@link io.huixun.app.Settings}), and what both faces do with one
 * ({@link io.huixun.app.FeedTitle}: a feed's own title for a new source; {@link io.huixun.app.OpmlExport}: sources as
 * OPML). The command line ({@code app.cli}) and the web ({@code app.web}) import this package; it imports neither, so
 * the three are no cycle.
 *
 * <p><b>Layer</b>: the app's bottom, above ingest and the back-ends: the one app package that chooses a store and a
 * search back-end. May import ingest, the back-ends ({@code store.sqlite}, {@code store.postgres},
 * {@code search.lucene}, {@code search.opensearch}), the stages and the layers below; never {@code app.web},
 * {@code app.alert} or {@code app.cli}. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app;

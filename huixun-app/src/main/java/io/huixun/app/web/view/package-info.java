/**
 * The read model of the web UI and the JSON API: immutable views assembled by {@link io.huixun.app.web.NewsDesk}
 * from the store, the index and the story clusterer. Texts are canonical (simplified); templates convert them to the
 * reader's script.
 *
 * <p><b>Layer</b>: part of {@code app.web} (same rules). Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.app.web.view;

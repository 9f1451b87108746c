/**
 * Stories: articles about the same event, across sources and days, grouped by shared entities, keywords and headline
 * terms within a time window. Entry point: {@link io.huixun.cluster.ActiveStoryClusterer} (bounded cost per article,
 * state saved as {@link io.huixun.cluster.StoryState} and {@link io.huixun.cluster.DocumentFrequencies.Day}).
 * The former clusterer (a scan of every story ever made, replayed at start-up) lives on only as the baseline of
 * {@code ./bench story-eval} ({@code io.huixun.bench.story.LegacyStoryClusterer}).
 *
 * <p><b>Layer</b>: a stage. Imports {@code nlp} (the words it clusters on), the shared text layer and {@code model}.
 * Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.cluster;

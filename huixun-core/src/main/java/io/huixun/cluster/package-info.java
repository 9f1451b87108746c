/**
 * Stories: articles about the same event, across sources and days, grouped by shared entities, keywords and headline
 * terms within a time window. Entry point: {@link io.huixun.cluster.ActiveStoryClusterer} (bounded cost per article,
 * state saved as {@link io.huixun.cluster.StoryState} and {@link io.huixun.cluster.DocumentFrequencies.Day}).
 * {@link io.huixun.cluster.StoryClusterer} is the former clusterer (a scan of every story ever made), kept only until
 * the ingest pipeline is wired to the new one; {@code ./bench story-eval} keeps a copy of it as its baseline.
 */
package io.huixun.cluster;

/**
 * Stories: articles about the same event, across sources and days, grouped by shared entities and keywords within a
 * time window. Entry point: {@link io.huixun.cluster.StoryClusterer}.
 */
package io.huixun.cluster;

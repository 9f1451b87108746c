/**
 * Evaluation runners for the fetch stage: {@link io.huixun.bench.fetch.RobotsEvaluation} scores robots.txt
 * decisions against Google's conformance cases in {@code ../shared/data/robotstxt-spec}.
 */
package io.huixun.bench.fetch;

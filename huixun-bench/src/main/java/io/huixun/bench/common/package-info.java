/**
 * What the benchmark and evaluation runners share: finding the shared data ({@link
 * io.huixun.bench.common.SharedData}, e.g. {@code SharedData.require("data/opencc")}), the load harness
 * ({@link io.huixun.bench.common.ConcurrentLatency}), one timed call to a running server's search API
 * ({@link io.huixun.bench.common.SearchApiCall}), phrase queries cut from article text
 * ({@link io.huixun.bench.common.HanRuns}) and the one chart ({@link io.huixun.bench.common.LineChart}).
 *
 * <p><b>Layer</b>: Bench. Imports product layers only, never another bench package (the runners import it, and the
 * dispatcher in {@code io.huixun.bench} imports the runners: a helper here that reached back would make a cycle).
 * Kept by {@code LayersTest}.
 */
package io.huixun.bench.common;

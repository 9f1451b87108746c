/**
 * Evaluation of the extract stage on the shared data sets, side by side with Readability.js and boilerpipe.
 * Entry point: {@link io.huixun.bench.extract.ExtractEvaluation}.
 */
package io.huixun.bench.extract;

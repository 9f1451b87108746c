/**
 * {@code ./bench scale}: a deterministic synthetic corpus of any size, ingested through the real pipeline, then the
 * real {@code serve} timed to readiness and loaded over HTTP (issues 10 and 12).
 */
package io.huixun.bench.scale;

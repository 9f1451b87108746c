/**
 * The ingest stage: where every other stage meets. A source (file, folder, JSONL, feed, page URL) becomes candidate
 * articles; each is repaired, fingerprinted and checked for copies, stored with its original, understood, put in a
 * story and indexed. Entry point: {@link io.huixun.ingest.IngestPipeline}. Only this package sees all stages.
 *
 * <p><b>Layer</b>: above the stages: the only package that may import every stage (fetch, source, extract, nlp, dedup,
 * cluster, search, store) and the layers below them; nothing below imports it, and it imports no back-end and nothing
 * of the app. Kept by {@code LayersTest} (huixun-bench).
 */
package io.huixun.ingest;

/**
 * The ingest stage: where every other stage meets. A source (file, folder, JSONL, feed, page URL) becomes candidate
 * articles; each is repaired, fingerprinted and checked for copies, stored with its original, understood, put in a
 * story and indexed. Entry point: {@link io.huixun.ingest.IngestPipeline}. Only this package sees all stages.
 */
package io.huixun.ingest;

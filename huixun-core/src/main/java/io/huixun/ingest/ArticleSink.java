package io.huixun.ingest;

/**
 * Where found articles go: {@link IngestPipeline} prepares each one (repair, understanding) on the calling thread and
 * hands it to the one writer. Implementations are thread-safe.
 */
@FunctionalInterface
interface ArticleSink {
    /** Accepts one candidate; the report counts it exactly once (stored, copy, already stored or rejected). */
    IngestReport accept(Candidate candidate);
}

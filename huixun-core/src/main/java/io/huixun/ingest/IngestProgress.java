package io.huixun.ingest;

/** Told as an ingest advances, for progress bars: bytes of input done out of the total known so far. */
@FunctionalInterface
public interface IngestProgress {
    IngestProgress NONE = (done, total, report) -> { };

    void advanced(long bytesDone, long bytesTotal, IngestReport soFar);
}

package io.huixun.bench.web;

import io.huixun.bench.dedup.CctvCorpus;
import java.util.List;

/** The query generator of {@link QueryLatency}, for the in-process search benchmark: {kind, text} pairs. */
public final class QueryLatencyAccess {
    private QueryLatencyAccess() {}

    public static List<String[]> generate(List<CctvCorpus.Record> pool, long seed, int phrases) {
        return QueryLatency.generate(pool, seed, phrases).stream().map(q -> new String[] {q.kind(), q.text()})
                .toList();
    }
}

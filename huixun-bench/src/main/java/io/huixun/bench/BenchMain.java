package io.huixun.bench;

import io.huixun.bench.convert.ConvertEvaluation;
import io.huixun.bench.search.SearchEvaluation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./bench NAME [ARGS…]}: runs one evaluation or benchmark. {@code ./bench jmh [JMH options]} runs the JMH
 * benchmarks (e.g. {@code ./bench jmh ConvertBenchmark}). Each reads ../shared/data and skips when it is absent.
 */
public final class BenchMain {
    interface Runner {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Runner> RUNNERS = new LinkedHashMap<>();

    static {
        RUNNERS.put("jmh", org.openjdk.jmh.Main::main);
        RUNNERS.put("convert-eval", ConvertEvaluation::main);
        RUNNERS.put("understand", io.huixun.bench.nlp.UnderstandingSample::main);
        RUNNERS.put("entity-eval", io.huixun.bench.nlp.EntityEvaluation::main);
        RUNNERS.put("dedup-eval", io.huixun.bench.dedup.DedupEvaluation::main);
        RUNNERS.put("dedup-memory", io.huixun.bench.dedup.DedupMemoryBenchmark::main);
        RUNNERS.put("extract-eval", io.huixun.bench.extract.ExtractEvaluation::main);
        RUNNERS.put("store-insert", io.huixun.bench.store.StoreInsertBenchmark::main);
        RUNNERS.put("search-eval", SearchEvaluation::main);
        RUNNERS.put("opensearch", io.huixun.bench.opensearch.OpenSearchBenchmark::main);
        RUNNERS.put("robots-eval", io.huixun.bench.fetch.RobotsEvaluation::main);
        RUNNERS.put("fetch-throughput", io.huixun.bench.fetch.FetchThroughput::main);
        RUNNERS.put("repair-eval", io.huixun.bench.repair.RepairEvaluation::main);
        RUNNERS.put("repair-speed", io.huixun.bench.repair.RepairSpeedBenchmark::main);
        RUNNERS.put("repair-model", io.huixun.bench.repair.CharModelBuilder::main);
        RUNNERS.put("repair-pinyin", io.huixun.bench.repair.PinyinTableBuilder::main);
        RUNNERS.put("story-eval", io.huixun.bench.story.StoryEvaluation::main);
        RUNNERS.put("query-latency", io.huixun.bench.web.QueryLatency::main);
        RUNNERS.put("ingest-rate", io.huixun.bench.ingest.IngestRateBenchmark::main);
        RUNNERS.put("fleet", io.huixun.bench.fleet.FleetBench::main);
        RUNNERS.put("search-latency", io.huixun.bench.search.SearchLatency::main);
        RUNNERS.put("regional-ambiguity", io.huixun.bench.search.RegionalAmbiguity::main);
        RUNNERS.put("scale", io.huixun.bench.scale.ScaleBenchmark::main);
        RUNNERS.put("phrase-cost", io.huixun.bench.search.PhraseCost::main);
    }

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !RUNNERS.containsKey(args[0])) {
            System.err.println("usage: bench NAME [ARGS…]; NAME is one of " + RUNNERS.keySet());
            System.exit(2);
        }
        RUNNERS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}

package io.huixun.bench.convert;

import io.huixun.bench.common.SharedData;
import io.huixun.text.convert.ChineseConverter;
import io.huixun.text.convert.ConversionConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * s2t and t2s throughput on 10 MB (UTF-8) of CCTV news text, one thread. Each operation converts the whole
 * 10 MB; MB/s = 10 MB / (seconds per operation), printed by the setup for convenience.
 * Run: {@code ./bench jmh ConvertBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ConvertBenchmark {
    static final int TARGET_BYTES = 10 * 1000 * 1000;

    char[] simplified;
    char[] traditional;
    ChineseConverter s2t;
    ChineseConverter t2s;

    @Setup
    public void load() throws Exception {
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        List<String> bodies = SharedData.cctvBodies(Integer.MAX_VALUE);
        for (String body : bodies) {
            if (bytes >= TARGET_BYTES) {
                break;
            }
            text.append(body).append('\n');
            bytes += body.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        s2t = ChineseConverter.of(ConversionConfig.S2T);
        t2s = ChineseConverter.of(ConversionConfig.T2S);
        simplified = text.toString().toCharArray();
        traditional = s2t.convert(text.toString()).toCharArray();
        System.out.printf("%nsimplified input: %,d bytes UTF-8; traditional input: %,d bytes UTF-8%n", bytes,
                new String(traditional).getBytes(StandardCharsets.UTF_8).length);
    }

    @Benchmark
    public int s2t() {
        StringBuilder out = new StringBuilder(simplified.length + 1024);
        s2t.convert(simplified, 0, simplified.length, out);
        return out.length();
    }

    @Benchmark
    public int t2s() {
        StringBuilder out = new StringBuilder(traditional.length + 1024);
        t2s.convert(traditional, 0, traditional.length, out);
        return out.length();
    }
}

package io.huixun.bench.scale;

import io.huixun.bench.common.LineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws ingest rate (articles/s over each window) against articles stored as a PNG ({@link LineChart}), with the 0.8×
 * line of the rate at the reference checkpoint (10k) dashed, so "does the rate stay flat as the store grows" reads at
 * a glance. Stateless.
 */
final class RateChart {
    private RateChart() {}

    /** One window: articles stored at its end, its rate (per wall second) and the CPU it took per article. */
    record Point(long articles, double rate, double cpuMsPerArticle) {
    }

    private static double perCpu(Point p) {
        return p.cpuMsPerArticle() > 0 ? 1000 / p.cpuMsPerArticle() : 0;
    }

    static void write(Path file, String title, List<Point> points, double reference) throws IOException {
        long maxX = Math.max(1, points.stream().mapToLong(Point::articles).max().orElse(1));
        double maxY = Math.max(reference, points.stream().mapToDouble(p -> Math.max(p.rate(), perCpu(p))).max()
                .orElse(1)) * 1.1;
        LineChart chart = new LineChart(title, "articles stored", maxX, maxY, x -> String.format("%,d", Math.round(x)),
                y -> String.format("%.0f/s", y));
        if (reference > 0) {
            chart.dashed(0.8 * reference, "0.8 × rate at 10k");
        }
        chart.series("articles per wall second (follows the machine's load)", LineChart.BLUE,
                points.stream().map(p -> new LineChart.XY(p.articles(), p.rate())).toList(),
                LineChart.Start.FIRST_POINT, true);
        chart.series("articles per CPU second of the process (the cost per article)", LineChart.ORANGE,
                points.stream().map(p -> new LineChart.XY(p.articles(), perCpu(p))).toList(),
                LineChart.Start.FIRST_POINT, true);
        chart.write(file);
    }
}

package io.huixun.bench.fleet;

import io.huixun.bench.common.LineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws the arrival curves (seconds → articles searchable) of the runs as a PNG ({@link LineChart}). Stateless. */
final class ArrivalChart {
    private static final java.awt.Color[] COLORS = {LineChart.BLUE, LineChart.RED, LineChart.GREEN};

    private ArrivalChart() {}

    static void write(Path file, List<FleetRun.Result> runs, long reachable) throws IOException {
        double maxT = runs.stream().mapToDouble(FleetRun.Result::seconds).max().orElse(1);
        LineChart chart = new LineChart("articles searchable over time (dashed: all " + reachable + " reachable)", "",
                maxT, Math.max(1, reachable), t -> String.format("%.0f s", t), n -> String.valueOf(Math.round(n)))
                .dashed(Math.max(1, reachable), "");
        for (int r = 0; r < runs.size(); r++) {
            FleetRun.Result run = runs.get(r);
            List<LineChart.XY> points = run.points().stream()
                    .map(p -> new LineChart.XY(p.seconds(), p.searchable())).toList();
            chart.series(run.label() + " (max in flight " + run.maxInFlight() + ")", COLORS[r % COLORS.length], points,
                    LineChart.Start.ORIGIN, false);
        }
        chart.write(file);
    }
}

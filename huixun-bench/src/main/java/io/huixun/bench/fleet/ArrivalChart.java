package io.huixun.bench.fleet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Draws the arrival curves (seconds → articles searchable) of the runs as a PNG. Stateless. */
final class ArrivalChart {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private ArrivalChart() {}

    static void write(Path file, List<FleetRun.Result> runs, long reachable) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 900;
        int h = 520;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        double maxT = runs.stream().mapToDouble(FleetRun.Result::seconds).max().orElse(1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int pw = w - left - right;
        int ph = h - top - bottom;
        g.drawRect(left, top, pw, ph);
        for (int i = 0; i <= 5; i++) {
            int y = top + ph - ph * i / 5;
            g.drawString(String.valueOf(reachable * i / 5), 5, y + 4);
            int x = left + pw * i / 5;
            g.drawString(String.format("%.0f s", maxT * i / 5), x - 10, top + ph + 18);
        }
        g.drawString("articles searchable over time (dashed: all " + reachable + " reachable)", left, 25);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(left, top, left + pw, top);
        g.setStroke(new BasicStroke(2));
        for (int r = 0; r < runs.size(); r++) {
            FleetRun.Result run = runs.get(r);
            g.setColor(COLORS[r % COLORS.length]);
            int px = left;
            int py = top + ph;
            for (FleetRun.Point p : run.points()) {
                int x = left + (int) Math.round(pw * p.seconds() / maxT);
                int y = top + ph - (int) Math.round(ph * (double) p.searchable() / Math.max(1, reachable));
                g.drawLine(px, py, x, y);
                px = x;
                py = y;
            }
            g.drawString(run.label() + " (max in flight " + run.maxInFlight() + ")", left + 10, top + 20 + 16 * r);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}

package io.huixun.bench.scale;

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

/**
 * Draws ingest rate (articles/s over each window) against articles stored as a PNG, with the 0.8× line of the rate at
 * the reference checkpoint (10k) dashed, so "does the rate stay flat as the store grows" reads at a glance. Stateless.
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
        System.setProperty("java.awt.headless", "true");
        int w = 900;
        int h = 520;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 50;
        long maxX = Math.max(1, points.stream().mapToLong(Point::articles).max().orElse(1));
        double maxY = Math.max(reference, points.stream().mapToDouble(p -> Math.max(p.rate(), perCpu(p))).max()
                .orElse(1)) * 1.1;
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
            g.drawString(String.format("%.0f/s", maxY * i / 5), 5, y + 4);
            int x = left + pw * i / 5;
            g.drawString(String.format("%,d", maxX * i / 5), x - 15, top + ph + 18);
        }
        g.drawString(title, left, 25);
        g.drawString("articles stored", left + pw / 2 - 40, h - 10);
        if (reference > 0) {
            int y = top + ph - (int) Math.round(ph * 0.8 * reference / maxY);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(left, y, left + pw, y);
            g.drawString("0.8 × rate at 10k", left + pw - 120, y - 4);
        }
        g.setStroke(new BasicStroke(2));
        for (int series = 0; series < 2; series++) {
            g.setColor(series == 0 ? new Color(0x1f77b4) : new Color(0xff7f0e));
            g.drawString(series == 0 ? "articles per wall second (follows the machine's load)"
                    : "articles per CPU second of the process (the cost per article)", left + 10, top + 16 + 16 * series);
            int px = -1;
            int py = -1;
            for (Point p : points) {
                double v = series == 0 ? p.rate() : perCpu(p);
                int x = left + (int) Math.round(pw * (double) p.articles() / maxX);
                int y = top + ph - (int) Math.round(ph * v / maxY);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 3, y - 3, 6, 6);
                px = x;
                py = y;
            }
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}

package io.huixun.bench.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;

/**
 * The benchmarks' one chart: a 900×520 PNG with a framed plot, five ticks on each axis, a title, dashed reference
 * lines and series drawn as lines, each with its legend. Example: {@code new LineChart("ingest rate", "articles
 * stored", 50_000, 900, x -> "%,.0f".formatted(x), y -> "%.0f/s".formatted(y)).dashed(640, "0.8 × rate at 10k")
 * .series("per wall second", BLUE, points, Start.FIRST_POINT, true).write(png)}. One chart is drawn by one thread.
 */
public final class LineChart {
    public static final Color BLUE = new Color(0x1f77b4);
    public static final Color ORANGE = new Color(0xff7f0e);
    public static final Color RED = new Color(0xd62728);
    public static final Color GREEN = new Color(0x2ca02c);

    private static final int W = 900;
    private static final int H = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final int PW = W - LEFT - RIGHT;
    private static final int PH = H - TOP - BOTTOM;

    /** One point of a series, in the data's units. */
    public record XY(double x, double y) {}

    /** Where a series' line starts: at its first point, or at the origin (a curve that grows from nothing). */
    public enum Start { FIRST_POINT, ORIGIN }

    private final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    private final Graphics2D g;
    private final double maxX;
    private final double maxY;
    private int legends;

    /** A chart whose axes run from 0 to {@code maxX} and {@code maxY} (each at least 1 unit wide). */
    public LineChart(String title, String xCaption, double maxX, double maxY, DoubleFunction<String> xTick,
                     DoubleFunction<String> yTick) {
        System.setProperty("java.awt.headless", "true");
        this.maxX = maxX > 0 ? maxX : 1;
        this.maxY = maxY > 0 ? maxY : 1;
        g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, PW, PH);
        for (int i = 0; i <= 5; i++) {
            g.drawString(yTick.apply(this.maxY * i / 5), 5, TOP + PH - PH * i / 5 + 4);
            g.drawString(xTick.apply(this.maxX * i / 5), LEFT + PW * i / 5 - 15, TOP + PH + 18);
        }
        g.drawString(title, LEFT, 25);
        if (!xCaption.isEmpty()) {
            g.drawString(xCaption, LEFT + PW / 2 - 40, H - 10);
        }
    }

    /** A dashed grey line across the plot at {@code y}, with {@code label} (may be empty) at its right end. */
    public LineChart dashed(double y, String label) {
        int py = py(y);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(LEFT, py, LEFT + PW, py);
        if (!label.isEmpty()) {
            g.drawString(label, LEFT + PW - 120, py - 4);
        }
        return this;
    }

    /** One series as a line (2 px) in {@code color}, its legend below the last one, a dot on each point if asked. */
    public LineChart series(String legend, Color color, List<XY> points, Start start, boolean dots) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2));
        g.drawString(legend, LEFT + 10, TOP + 16 + 16 * legends++);
        int px = start == Start.ORIGIN ? LEFT : -1;
        int py = start == Start.ORIGIN ? TOP + PH : -1;
        for (XY p : points) {
            int x = LEFT + (int) Math.round(PW * p.x() / maxX);
            int y = py(p.y());
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            if (dots) {
                g.fillOval(x - 3, y - 3, 6, 6);
            }
            px = x;
            py = y;
        }
        return this;
    }

    public void write(Path file) throws IOException {
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private int py(double y) {
        return TOP + PH - (int) Math.round(PH * y / maxY);
    }
}

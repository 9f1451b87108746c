package io.huixun.app.cli;

import io.huixun.ingest.IngestProgress;
import io.huixun.ingest.IngestReport;
import java.io.PrintStream;

/**
 * A one-line progress bar on stderr for long runs: {@code [#########.......]  54%  12,345 items}. Redrawn at most
 * ten times a second; silent for small inputs so that scripts' stderr stays clean.
 */
final class ProgressBar implements IngestProgress {
    private static final long SHOW_FROM_BYTES = 1 << 20;
    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void advanced(long done, long total, IngestReport soFar) {
        long now = System.nanoTime();
        if (total < SHOW_FROM_BYTES || now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
        int filled = percent / 4;
        err.printf("\r[%s%s] %3d%%  %,d items", "#".repeat(filled), ".".repeat(25 - filled), percent, soFar.seen());
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}

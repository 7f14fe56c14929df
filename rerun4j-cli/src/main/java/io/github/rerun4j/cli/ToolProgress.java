package io.github.rerun4j.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a recording tool ({@code stats}, {@code filter}, {@code merge}, {@code compact}) on stderr: one
 * line redrawn in place (bar, MB read of MB, MB/s, ETA) at most ten times a second, and only for inputs of at least
 * {@value #MIN_BYTES} bytes on a terminal: a small file is done before a line would help, and a log or a pipe
 * should not fill up with carriage returns.
 */
final class ToolProgress {

    /** Inputs smaller than this (64 MB) show no progress. */
    static final long MIN_BYTES = 64L << 20;
    private static final long INTERVAL_NS = 100_000_000L;

    private final PrintWriter err;
    private final boolean shown;
    private final String name;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private long done;
    private boolean drawn;

    private ToolProgress(PrintWriter err, boolean shown, String name, long total) {
        this.err = err;
        this.shown = shown;
        this.name = name;
        this.total = total;
    }

    /** Progress over {@code totalBytes} of input, drawn when stderr is a terminal and the input is big. */
    static ToolProgress of(PrintWriter err, String command, long totalBytes) {
        return new ToolProgress(err, System.console() != null && totalBytes >= MIN_BYTES, command, totalBytes);
    }

    /** Another {@code bytes} of input read. */
    void advance(long bytes) {
        done += bytes;
        if (!shown) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint >= INTERVAL_NS) {
            lastPrint = now;
            print(now);
        }
    }

    /** Bytes read so far. */
    long bytes() {
        return done;
    }

    /** Seconds since the start. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Ends the redrawn line so that what follows starts on its own line. */
    void finish() {
        if (drawn) {
            print(System.nanoTime());
            err.println();
            err.flush();
        }
    }

    private void print(long now) {
        double s = (now - start) / 1e9;
        double rate = s > 0 ? done / s : 0;
        String eta = rate > 0 ? ImportProgress.duration(Math.max(0, total - done) / rate) : "?";
        int width = 24;
        int filled = total == 0 ? width : (int) Math.min(width, (long) width * done / total);
        err.print("\r" + name + " [" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%.1f/%.1f MB  %.1f MB/s  ETA %s", done / 1e6, total / 1e6, rate / 1e6, eta)
                + "   ");
        err.flush();
        drawn = true;
    }
}

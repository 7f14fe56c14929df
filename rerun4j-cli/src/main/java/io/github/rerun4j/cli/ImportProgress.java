package io.github.rerun4j.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The import's progress on stderr: on a terminal one line redrawn in place (bar, frames, MB read, frames/s,
 * ETA) at most ten times a second; otherwise a plain line every few seconds, so that logs of long imports
 * show life without filling up with carriage returns.
 */
final class ImportProgress {

    private static final long TTY_INTERVAL_NS = 100_000_000L;
    private static final long PLAIN_INTERVAL_NS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean tty;
    private final int total;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private int frames;
    private long bytes;
    private boolean drawn;

    ImportProgress(PrintWriter err, boolean tty, int total) {
        this.err = err;
        this.tty = tty;
        this.total = total;
    }

    /** One frame done (written or skipped), {@code fileBytes} read for it. */
    void frameDone(long fileBytes) {
        frames++;
        bytes += fileBytes;
        long now = System.nanoTime();
        if (now - lastPrint >= (tty ? TTY_INTERVAL_NS : PLAIN_INTERVAL_NS)) {
            lastPrint = now;
            print(now);
        }
    }

    /** Ends the redrawn line so that what follows starts on its own line. */
    void finish() {
        if (tty && drawn) {
            print(System.nanoTime());
            err.println();
            err.flush();
        }
    }

    long bytes() {
        return bytes;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void print(long now) {
        double s = (now - start) / 1e9;
        double rate = s > 0 ? frames / s : 0;
        String eta = rate > 0 ? duration((total - frames) / rate) : "?";
        String numbers = String.format(Locale.ROOT, "%d/%d frames  %.1f MB  %.1f frames/s  ETA %s", frames, total,
                bytes / 1e6, rate, eta);
        if (tty) {
            int width = 24;
            int filled = total == 0 ? width : (int) ((long) width * frames / total);
            err.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + numbers + "   ");
            drawn = true;
        } else {
            err.println("import: " + numbers);
        }
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

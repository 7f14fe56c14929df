package io.github.rerun4j.spark.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * JVM-wide counts of what partition readers did with chunks, for tests and diagnostics: in local mode every
 * task runs in the driver's JVM, so a test can see that a pushed-down filter left chunks undecoded.
 */
public final class ScanCounters {

    private static final AtomicLong DECODED = new AtomicLong();
    private static final AtomicLong SKIPPED = new AtomicLong();
    private static final AtomicLong PROBLEMS = new AtomicLong();

    private ScanCounters() {
    }

    /** Chunk messages decoded by partition readers in this JVM so far. */
    public static long chunksDecoded() {
        return DECODED.get();
    }

    /** Chunk messages left undecoded because the footer showed their entity or time range cannot match. */
    public static long chunksSkipped() {
        return SKIPPED.get();
    }

    /** Problems (skipped messages, damage) that PERMISSIVE or DROPMALFORMED scans logged and went past. */
    public static long problems() {
        return PROBLEMS.get();
    }

    static void problem() {
        PROBLEMS.incrementAndGet();
    }

    static void decoded() {
        DECODED.incrementAndGet();
    }

    static void skipped() {
        SKIPPED.incrementAndGet();
    }
}

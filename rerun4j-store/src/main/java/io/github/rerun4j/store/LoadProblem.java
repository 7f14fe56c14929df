package io.github.rerun4j.store;

import io.github.rerun4j.sdk.rrd.StoreId;
import java.util.Objects;

/**
 * Something {@link RecordingLoader} could not read: a message it skipped, or the place where reading ended.
 *
 * <pre>{@code
 * System.err.println(problem.describe());  // "robot.rrd: ArrowMsg message at byte 4096: ..."
 * }</pre>
 *
 * @param source        the input it was read from (a file path), named by {@link #describe()} so that problems
 *                      of several files merged into one recording stay traceable to their file
 * @param store         the store being read when it happened (the last one a message named), or null before any
 * @param offset        the byte where the problem was found
 * @param messageOffset the first byte of the message (or stream header) it concerns
 * @param kind          what happened, and whether reading went on
 * @param reason        what is wrong, with the numbers that show it
 * @param cause         the exception behind it, or null
 */
public record LoadProblem(String source, StoreId store, long offset, long messageOffset, Kind kind, String reason,
                          Throwable cause) {

    /** What happened; {@link #SKIPPED} and {@link #FOOTER} let reading go on. */
    public enum Kind {
        /** One message did not decode and was skipped; the messages around it are fine. */
        SKIPPED,
        /** Damaged framing: nothing after it can be found, so reading ended here. */
        DAMAGED,
        /** The input ends inside a message (a writer cut off mid-write); every message before it is intact. */
        CUT_OFF,
        /** The reading JVM ran out of memory; reading ended here. */
        OUT_OF_MEMORY,
        /**
         * The file's footer was not used, or disagrees with a chunk it lists ({@link FooterLoader}); reading went
         * on from the file's own messages.
         */
        FOOTER
    }

    public LoadProblem {
        Objects.requireNonNull(source, "LoadProblem.source");
        Objects.requireNonNull(kind, "LoadProblem.kind");
        Objects.requireNonNull(reason, "LoadProblem.reason");
    }

    /** {@code source: reason}, the line to show a user. */
    public String describe() {
        return source + ": " + reason;
    }

    /** True when reading ended at this problem. */
    public boolean endedReading() {
        return kind != Kind.SKIPPED && kind != Kind.FOOTER;
    }
}

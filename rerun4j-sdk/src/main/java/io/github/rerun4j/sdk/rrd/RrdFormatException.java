package io.github.rerun4j.sdk.rrd;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The input is not a valid {@code .rrd} stream: truncated, corrupt, or a format this SDK does not read.
 *
 * <p>It is an {@link IOException} because it describes the input, like an {@link java.io.EOFException}, and
 * callers reading a file already handle those. The reader throws it once, after returning every complete
 * message before the damage.
 *
 * <pre>{@code
 * try {
 *     RrdReader.readAll(path);
 * } catch (RrdFormatException e) {
 *     System.err.println("damaged at byte " + e.offset() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class RrdFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final long messageOffset;
    private final boolean endsInside;

    /**
     * @param offset        the byte where the problem was found (a bad field, a short header)
     * @param messageOffset the first byte of the damaged message or stream header
     * @param message       what is wrong, with the numbers that show it
     */
    public RrdFormatException(long offset, long messageOffset, String message) {
        this(offset, messageOffset, message, null, false);
    }

    /** As {@link #RrdFormatException(long, long, String)}, keeping the low-level error as the cause. */
    public RrdFormatException(long offset, long messageOffset, String message, Throwable cause) {
        this(offset, messageOffset, message, cause, false);
    }

    private RrdFormatException(long offset, long messageOffset, String message, @Nullable Throwable cause, boolean endsInside) {
        super(message, cause);
        this.offset = offset;
        this.messageOffset = messageOffset;
        this.endsInside = endsInside;
    }

    /**
     * The input ends inside the message (or stream header, or footer trailer) that starts at {@code messageOffset}:
     * what a writer killed mid-write leaves behind, as opposed to bytes that are there but wrong.
     */
    public static RrdFormatException cutOff(long offset, long messageOffset, String message) {
        return new RrdFormatException(offset, messageOffset, message, null, true);
    }

    /** The byte offset (from the start of the input) where the problem was found. */
    public long offset() {
        return offset;
    }

    /**
     * True when the input simply ends inside the message at {@link #messageOffset()} (its header was read, its
     * bytes stop short), as a write cut off by a crash leaves it; everything before that message is intact.
     * A length field damaged to claim more than the input holds looks the same and is reported the same way.
     */
    public boolean endsInside() {
        return endsInside;
    }

    /** The byte offset of the start of the damaged message (its 16-byte header) or stream header. */
    public long messageOffset() {
        return messageOffset;
    }
}

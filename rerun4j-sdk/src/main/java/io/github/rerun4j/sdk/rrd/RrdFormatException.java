package io.github.rerun4j.sdk.rrd;

import java.io.IOException;

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

    /**
     * @param offset        the byte where the problem was found (a bad field, a short header)
     * @param messageOffset the first byte of the damaged message or stream header
     * @param message       what is wrong, with the numbers that show it
     */
    public RrdFormatException(long offset, long messageOffset, String message) {
        super(message);
        this.offset = offset;
        this.messageOffset = messageOffset;
    }

    /** As {@link #RrdFormatException(long, long, String)}, keeping the low-level error as the cause. */
    public RrdFormatException(long offset, long messageOffset, String message, Throwable cause) {
        super(message, cause);
        this.offset = offset;
        this.messageOffset = messageOffset;
    }

    /** The byte offset (from the start of the input) where the problem was found. */
    public long offset() {
        return offset;
    }

    /** The byte offset of the start of the damaged message (its 16-byte header) or stream header. */
    public long messageOffset() {
        return messageOffset;
    }
}

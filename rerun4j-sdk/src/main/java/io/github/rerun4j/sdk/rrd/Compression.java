package io.github.rerun4j.sdk.rrd;

/**
 * How an ArrowMsg payload is compressed on the wire. Protobuf enum {@code Compression}.
 *
 * <pre>{@code
 * Compression c = Compression.fromCode(2);   // LZ4
 * }</pre>
 */
public enum Compression {
    /** Code 0: not set; the payload is plain Arrow IPC, like {@link #NONE}. */
    UNSPECIFIED(0),
    /** Code 1: plain Arrow IPC. */
    NONE(1),
    /** Code 2: the whole IPC stream compressed as one LZ4 <em>block</em> (no frame, no checksum). */
    LZ4(2);

    private final int code;

    Compression(int code) {
        this.code = code;
    }

    /** The protobuf enum value. */
    public int code() {
        return code;
    }

    /**
     * The compression with this protobuf enum value.
     *
     * @throws IllegalArgumentException for a code this SDK does not know
     */
    public static Compression fromCode(int code) {
        for (Compression compression : values()) {
            if (compression.code == code) {
                return compression;
            }
        }
        throw new IllegalArgumentException("unknown Compression code " + code + " (expected 0 unspecified, 1 none or 2 LZ4)");
    }
}

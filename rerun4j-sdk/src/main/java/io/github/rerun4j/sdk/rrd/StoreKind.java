package io.github.rerun4j.sdk.rrd;

/**
 * What a store holds: a recording (data) or a blueprint (viewer layout). Protobuf enum {@code StoreKind}.
 *
 * <pre>{@code
 * StoreKind kind = StoreKind.fromCode(1);   // RECORDING
 * int code = StoreKind.BLUEPRINT.code();    // 2
 * }</pre>
 */
public enum StoreKind {
    /** Code 0: not set on the wire; Rerun reads it as a recording. */
    UNSPECIFIED(0),
    /** Code 1: a recording; what rerun4j writes. */
    RECORDING(1),
    /** Code 2: a blueprint store (viewer layout). */
    BLUEPRINT(2);

    private final int code;

    StoreKind(int code) {
        this.code = code;
    }

    /** The protobuf enum value. */
    public int code() {
        return code;
    }

    /**
     * The kind with this protobuf enum value.
     *
     * @throws IllegalArgumentException for a code this SDK does not know
     */
    public static StoreKind fromCode(int code) {
        for (StoreKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown StoreKind code " + code + " (expected 0 unspecified, 1 recording or 2 blueprint)");
    }
}

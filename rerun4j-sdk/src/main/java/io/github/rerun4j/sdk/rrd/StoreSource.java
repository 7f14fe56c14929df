package io.github.rerun4j.sdk.rrd;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a store's data comes from: protobuf {@code StoreSource}. Informational (shown in the viewer's UI).
 *
 * <pre>{@code
 * StoreSource mine = StoreSource.other("rerun4j 0.1.0");   // kind 6, UTF-8 payload
 * StoreSource sdk = StoreSource.RERUN4J;
 * }</pre>
 *
 * @param kind  the raw {@code StoreSourceKind} code (kept raw: a reader must accept codes from newer versions)
 * @param extra the raw {@code StoreSourceExtra.payload}, or {@code null} when the {@code extra} field is absent;
 *              its meaning depends on {@code kind} (for {@link #KIND_OTHER}: a UTF-8 description)
 */
public record StoreSource(int kind, byte @Nullable [] extra) {

    /** {@code StoreSourceKind.UNSPECIFIED}: the source is unknown. */
    public static final int KIND_UNSPECIFIED = 0;
    /** {@code StoreSourceKind.OTHER}: {@code extra} is a UTF-8 description. */
    public static final int KIND_OTHER = 6;

    /** An unknown source: kind 0, no extra. */
    public static final StoreSource UNKNOWN = new StoreSource(KIND_UNSPECIFIED, null);
    /** What rerun4j writes: OTHER + "rerun4j". */
    public static final StoreSource RERUN4J = other("rerun4j");

    /** Copies {@code extra}. (Written out, not compact, so that {@code @Nullable} reaches the parameter.) */
    public StoreSource(int kind, byte @Nullable [] extra) {
        this.kind = kind;
        // Copied so that nobody can change a record after the fact through the array they passed in.
        this.extra = extra == null ? null : extra.clone();
    }

    /** Kind {@link #KIND_OTHER} with a UTF-8 description, the recommended source for non-official SDKs. */
    public static StoreSource other(String description) {
        Objects.requireNonNull(description, "description");
        return new StoreSource(KIND_OTHER, description.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the extra payload, or {@code null} if absent. */
    @Override
    public byte @Nullable [] extra() {
        return extra == null ? null : extra.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSource other && kind == other.kind && Arrays.equals(extra, other.extra);
    }

    @Override
    public int hashCode() {
        return 31 * kind + Arrays.hashCode(extra);
    }

    @Override
    public String toString() {
        String shownExtra;
        if (extra == null) {
            shownExtra = "absent";
        } else if (kind == KIND_OTHER) {
            shownExtra = '"' + new String(extra, StandardCharsets.UTF_8) + '"';
        } else {
            shownExtra = extra.length + " bytes " + HexFormat.of().formatHex(extra, 0, Math.min(extra.length, 32))
                    + (extra.length > 32 ? "…" : "");
        }
        return "StoreSource[kind=" + kind + (kind == KIND_OTHER ? " (OTHER)" : "") + ", extra=" + shownExtra + "]";
    }
}

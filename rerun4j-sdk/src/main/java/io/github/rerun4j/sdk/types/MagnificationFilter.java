package io.github.rerun4j.sdk.types;

import java.util.Optional;

/**
 * How the 2D view samples an image when one texel covers several screen pixels. Default {@link #NEAREST}.
 *
 * <pre>{@code
 * MagnificationFilter f = MagnificationFilter.fromCode(2);  // LINEAR
 * }</pre>
 */
public enum MagnificationFilter {
    /** Blocky texels (the default). */
    NEAREST(1, "Nearest"),
    /** Bilinear interpolation. */
    LINEAR(2, "Linear"),
    /** Bicubic (Catmull-Rom) interpolation. */
    BICUBIC(3, "Bicubic");

    private final int code;
    private final String displayName;

    MagnificationFilter(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** Rerun's name, e.g. {@code "Nearest"}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the filter with this wire code; throws {@code InvalidArgumentException} for unknown codes. */
    public static MagnificationFilter fromCode(int code) {
        return WireCodes.find("MagnificationFilter.code", values(), MagnificationFilter::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes. */
    public static Optional<MagnificationFilter> tryFromCode(int code) {
        return WireCodes.tryFind(values(), MagnificationFilter::code, code);
    }

    @Override
    public String toString() {
        return displayName;
    }
}

package io.github.rerun4j.sdk.types;

import java.util.Optional;

/**
 * Special (YUV) pixel layouts of color images ({@code ImageFormat.pixel_format}); when set it overrides
 * color model and datatype. Depth images must not use one.
 *
 * <pre>{@code
 * PixelFormat.NV12.numBytes(4, 4);  // 24 = 4*(4 + 4/2)
 * }</pre>
 */
public enum PixelFormat {
    /** I420 planar 4:2:0, limited range, BT.709. */
    Y_U_V12_LIMITED_RANGE(20, "Y_U_V12_LimitedRange"),
    /** Y plane + interleaved UV plane, 4:2:0, limited range, BT.601. */
    NV12(26, "NV12"),
    /** Packed Y0 U Y1 V 4:2:2, limited range, BT.601. */
    YUY2(27, "YUY2"),
    /** Y plane only, full range. */
    Y8_FULL_RANGE(30, "Y8_FullRange"),
    /** I444 planar, limited range, BT.709. */
    Y_U_V24_LIMITED_RANGE(39, "Y_U_V24_LimitedRange"),
    /** I444 planar, full range, BT.709. */
    Y_U_V24_FULL_RANGE(40, "Y_U_V24_FullRange"),
    /** Y plane only, limited range. */
    Y8_LIMITED_RANGE(41, "Y8_LimitedRange"),
    /** I420 planar 4:2:0, full range, BT.709. */
    Y_U_V12_FULL_RANGE(44, "Y_U_V12_FullRange"),
    /** I422 planar, limited range, BT.709. */
    Y_U_V16_LIMITED_RANGE(49, "Y_U_V16_LimitedRange"),
    /** I422 planar, full range, BT.709. */
    Y_U_V16_FULL_RANGE(50, "Y_U_V16_FullRange");

    private final int code;
    private final String displayName;

    PixelFormat(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** Rerun's name, e.g. {@code "Y_U_V12_LimitedRange"}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Exact buffer size the viewer expects for a {@code width x height} image in this format
     * (next-archetypes.md §1.2; note {@code 3*W*H} for Y_U_V24, not the SDKs' {@code 4*W*H}).
     */
    public long numBytes(long width, long height) {
        return switch (this) {
            case NV12, Y_U_V12_LIMITED_RANGE, Y_U_V12_FULL_RANGE -> width * (height + height / 2);
            case YUY2, Y_U_V16_LIMITED_RANGE, Y_U_V16_FULL_RANGE -> 2 * width * height;
            case Y_U_V24_LIMITED_RANGE, Y_U_V24_FULL_RANGE -> 3 * width * height;
            case Y8_FULL_RANGE, Y8_LIMITED_RANGE -> width * height;
        };
    }

    /** Returns the format with this wire code; throws {@code InvalidArgumentException} for unknown codes. */
    public static PixelFormat fromCode(int code) {
        return WireCodes.find("PixelFormat.code", values(), PixelFormat::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes. */
    public static Optional<PixelFormat> tryFromCode(int code) {
        return WireCodes.tryFind(values(), PixelFormat::code, code);
    }

    @Override
    public String toString() {
        return displayName;
    }
}

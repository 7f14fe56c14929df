package io.github.rerun4j.sdk.types;

import java.util.Optional;

/**
 * Channel layout of an image pixel ({@code ImageFormat.color_model}); depth images use {@link #L} or null.
 *
 * <pre>{@code
 * ColorModel.RGBA.channels();  // 4
 * }</pre>
 */
public enum ColorModel {
    /** One luminance channel. */
    L(1, 1),
    /** Red, green, blue. */
    RGB(2, 3),
    /** Red, green, blue, alpha (not premultiplied). */
    RGBA(3, 4),
    /** Blue, green, red. */
    BGR(4, 3),
    /** Blue, green, red, alpha. */
    BGRA(5, 4);

    private final int code;
    private final int channels;

    ColorModel(int code, int channels) {
        this.code = code;
        this.channels = channels;
    }

    /** The {@code UInt8} wire code. */
    public int code() {
        return code;
    }

    /** Number of interleaved channels per pixel. */
    public int channels() {
        return channels;
    }

    /** Returns the model with this wire code; throws {@code InvalidArgumentException} for unknown codes. */
    public static ColorModel fromCode(int code) {
        return WireCodes.find("ColorModel.code", values(), ColorModel::code, code);
    }

    /** Lenient lookup for readers: empty for unknown codes. */
    public static Optional<ColorModel> tryFromCode(int code) {
        return WireCodes.tryFind(values(), ColorModel::code, code);
    }
}

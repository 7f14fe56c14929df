package io.github.rerun4j.sdk.types;

import io.github.rerun4j.sdk.InvalidArgumentException;

/**
 * An sRGB color with unmultiplied alpha, packed {@code 0xRRGGBBAA} ({@code rerun.components.Color}).
 *
 * <pre>{@code
 * Color c = Color.fromRgb(255, 128, 0);   // 0xFF8000FF
 * c.toString();                           // "#FF8000FF"
 * }</pre>
 *
 * @param rgba red in the most significant byte, alpha in the least
 */
public record Color(int rgba) {

    /** Opaque white. */
    public static final Color WHITE = new Color(0xFFFFFFFF);
    /** Opaque black. */
    public static final Color BLACK = new Color(0x000000FF);

    /** Opaque color from 0..255 components. */
    public static Color fromRgb(int r, int g, int b) {
        return fromRgba(r, g, b, 255);
    }

    /** Color from 0..255 components. */
    public static Color fromRgba(int r, int g, int b, int a) {
        return new Color(channel("Color.r", r) << 24 | channel("Color.g", g) << 16
                | channel("Color.b", b) << 8 | channel("Color.a", a));
    }

    private static int channel(String field, int v) {
        if (v < 0 || v > 255) {
            throw new InvalidArgumentException(field, Integer.toString(v), "a value in 0..255");
        }
        return v;
    }

    /** Red, 0..255. */
    public int r() {
        return rgba >>> 24;
    }

    /** Green, 0..255. */
    public int g() {
        return (rgba >>> 16) & 0xFF;
    }

    /** Blue, 0..255. */
    public int b() {
        return (rgba >>> 8) & 0xFF;
    }

    /** Alpha, 0..255 (255 = opaque). */
    public int a() {
        return rgba & 0xFF;
    }

    @Override
    public String toString() {
        return String.format("#%08X", rgba);
    }
}

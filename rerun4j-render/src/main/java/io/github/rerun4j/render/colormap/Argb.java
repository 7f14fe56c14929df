package io.github.rerun4j.render.colormap;

/**
 * The pixel packing of this module: one {@code int} per pixel, {@code 0xAARRGGBB}, 8-bit gamma-encoded sRGB,
 * alpha not premultiplied. This is the layout of {@code java.awt.image.BufferedImage.TYPE_INT_ARGB}, so a
 * caller can hand the array to {@code setRGB} or a PNG encoder without reshuffling.
 *
 * <pre>{@code
 * int p = Argb.pack(144, 13, 0, 255);   // 0xFF900D00
 * Argb.red(p);                           // 144
 * Argb.toHex(p);                         // "#900D00"
 * }</pre>
 */
public final class Argb {

    private Argb() {
    }

    /** Packs four 0..255 channels (higher bits are masked off). */
    public static int pack(int red, int green, int blue, int alpha) {
        return (alpha & 0xFF) << 24 | (red & 0xFF) << 16 | (green & 0xFF) << 8 | (blue & 0xFF);
    }

    /** Red channel 0..255. */
    public static int red(int argb) {
        return argb >>> 16 & 0xFF;
    }

    /** Green channel 0..255. */
    public static int green(int argb) {
        return argb >>> 8 & 0xFF;
    }

    /** Blue channel 0..255. */
    public static int blue(int argb) {
        return argb & 0xFF;
    }

    /** Alpha channel 0..255 (255 = opaque). */
    public static int alpha(int argb) {
        return argb >>> 24;
    }

    /** {@code "#RRGGBB"} as in the tables of {@code docs/semantics.md} (alpha not shown). */
    public static String toHex(int argb) {
        return String.format("#%02X%02X%02X", red(argb), green(argb), blue(argb));
    }
}

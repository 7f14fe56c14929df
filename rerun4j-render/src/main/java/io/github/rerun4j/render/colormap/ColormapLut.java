package io.github.rerun4j.render.colormap;

import io.github.rerun4j.sdk.types.Colormap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Fast path for u16 depth images: the colors of all 65 536 possible raw values for one colormap and range,
 * so colorizing is one table read per pixel (the same shape of work as OpenCV's {@code applyColorMap}).
 *
 * <p>Entry {@code v} is exactly {@code Colormaps.argb(colormap, (v - min) / (max - min))} with the
 * normalisation in f32 as in {@code image.Normalization}, so the result equals the exact path bit for bit
 * (Nearest filtering at native size only; filtered or rescaled output needs the per-pixel path). A table
 * costs 256 KiB and 65 536 colormap evaluations to build, so build it once per colormap and range;
 * instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ColormapLut lut = ColormapLut.u16(Colormap.TURBO, 0f, 65535f);
 * int[] out = new int[w * h];
 * lut.colorize(rawShorts, w * h, out);        // out[i] = 0xAARRGGBB
 * // or, caching the last table internally:
 * ColormapLut.colorize(rawShorts, w * h, 0f, 65535f, Colormap.TURBO, out);
 * }</pre>
 */
public final class ColormapLut {

    /** Number of entries: every u16 value. */
    public static final int SIZE = 1 << 16;

    /** The most recently used table of the static {@code colorize} methods (immutable, so a plain swap). */
    private static volatile ColormapLut lastUsed;

    private final Colormap colormap;
    private final float rangeMin;
    private final float rangeMax;
    private final int[] table;

    private ColormapLut(Colormap colormap, float rangeMin, float rangeMax) {
        this.colormap = colormap;
        this.rangeMin = rangeMin;
        this.rangeMax = rangeMax;
        this.table = new int[SIZE];
        float width = rangeMax - rangeMin;
        for (int v = 0; v < SIZE; v++) {
            // Same f32 expression as image.Normalization.t: (v - min) / (max - min).
            table[v] = Colormaps.argb(colormap, ((float) v - rangeMin) / width);
        }
    }

    /** Builds the table for u16 values mapped through {@code colormap} over {@code [rangeMin, rangeMax]}. */
    public static ColormapLut u16(Colormap colormap, float rangeMin, float rangeMax) {
        return new ColormapLut(Objects.requireNonNull(colormap, "colormap"), rangeMin, rangeMax);
    }

    /** The colormap of this table. */
    public Colormap colormap() {
        return colormap;
    }

    /** Lower end of the range (maps to t = 0). */
    public float rangeMin() {
        return rangeMin;
    }

    /** Upper end of the range (maps to t = 1). */
    public float rangeMax() {
        return rangeMax;
    }

    /** The color of raw value {@code v}; only the low 16 bits are used, so a Java {@code short} works as is. */
    public int lookup(int v) {
        return table[v & 0xFFFF];
    }

    /** Colors {@code raw[0..n)} (unsigned 16-bit) into {@code out[0..n)}. No allocation. */
    public void colorize(short[] raw, int n, int[] out) {
        checkSizes(raw.length, n, out);
        int[] t = table;
        for (int i = 0; i < n; i++) {
            out[i] = t[raw[i] & 0xFFFF];
        }
    }

    /**
     * Colors {@code n} u16 elements starting at the buffer's position into {@code out[0..n)}. The bytes are
     * read as little-endian (the {@code ImageBuffer} layout) whatever the buffer's own order setting; the
     * buffer's position and order are not changed. No allocation.
     */
    public void colorize(ByteBuffer raw, int n, int[] out) {
        checkSizes(raw.remaining() / 2, n, out);
        int[] t = table;
        int base = raw.position();
        if (raw.order() == ByteOrder.LITTLE_ENDIAN) {
            for (int i = 0; i < n; i++) {
                out[i] = t[raw.getShort(base + 2 * i) & 0xFFFF];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = t[Short.reverseBytes(raw.getShort(base + 2 * i)) & 0xFFFF];
            }
        }
    }

    /**
     * One-shot form of {@link #colorize(short[], int, int[])}: reuses the last table if colormap and range
     * are the same (bitwise), so repeated calls on a stream of frames do not allocate.
     */
    public static void colorize(short[] raw, int n, float rangeMin, float rangeMax, Colormap colormap,
                                int[] out) {
        cached(colormap, rangeMin, rangeMax).colorize(raw, n, out);
    }

    /** One-shot form of {@link #colorize(ByteBuffer, int, int[])}; see the {@code short[]} overload. */
    public static void colorize(ByteBuffer raw, int n, float rangeMin, float rangeMax, Colormap colormap,
                                int[] out) {
        cached(colormap, rangeMin, rangeMax).colorize(raw, n, out);
    }

    private static ColormapLut cached(Colormap colormap, float rangeMin, float rangeMax) {
        ColormapLut lut = lastUsed;
        if (lut == null || lut.colormap != colormap
                || Float.floatToIntBits(lut.rangeMin) != Float.floatToIntBits(rangeMin)
                || Float.floatToIntBits(lut.rangeMax) != Float.floatToIntBits(rangeMax)) {
            lut = u16(colormap, rangeMin, rangeMax);
            lastUsed = lut;
        }
        return lut;
    }

    private static void checkSizes(int available, int n, int[] out) {
        if (n < 0 || n > available || n > out.length) {
            throw new IndexOutOfBoundsException("n=" + n + ", input elements=" + available
                    + ", output length=" + out.length);
        }
    }
}

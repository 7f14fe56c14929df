package io.github.rerun4j.render.image;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.ColorModel;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.PixelFormat;

import java.nio.ByteBuffer;

/**
 * The on-screen colour of every texel of a colour {@link Image} (next-archetypes §1.2–§1.3), as the viewer draws it
 * at Nearest without opacity: {@link Argb} {@code 0xAARRGGBB} with the image's own alpha (RGBA/BGRA; opaque
 * otherwise). U8 RGB/RGBA/BGR/BGRA/L show their bytes as they are (BGR swapped); YUV formats are converted with
 * their matrix and range and rounded; other datatypes are normalised with the viewer's data-range heuristic
 * (floats in [0, 1] as they are; values in [0, 255] over [0, 255]; a constant {@code v} over [v-1, v+1]; else
 * [min, max]) and then shown as sRGB when that range is sRGB-like, else linear-to-sRGB encoded (single-channel:
 * through the Grayscale colormap).
 *
 * <pre>{@code
 * int[] argb = ColorTexels.of(Image.fromRgb8(rgb, 4, 3));   // argb[y * 4 + x]
 * }</pre>
 */
public final class ColorTexels {

    private ColorTexels() {
    }

    /**
     * One texel by its row-major index, for callers that need few of them (an RGB cloud looks up one texel per
     * point): 8-bit images are read straight from their bytes, others through {@link #of}.
     */
    public static java.util.function.IntUnaryOperator lookup(Image image) {
        ImageFormat f = image.format();
        if (f.pixelFormat() == null && f.effectiveChannelDatatype() == ChannelDatatype.U8) {
            ByteBuffer b = image.buffer().asByteBuffer();
            ColorModel model = f.effectiveColorModel();
            int channels = model.channels();
            boolean swap = model == ColorModel.BGR || model == ColorModel.BGRA;
            return i -> u8(b, i * channels, channels, swap);
        }
        int[] all = of(image);
        return i -> all[i];
    }

    /** Every texel, row-major. */
    public static int[] of(Image image) {
        ImageFormat f = image.format();
        ByteBuffer b = image.buffer().asByteBuffer();
        int w = f.width();
        int h = f.height();
        int[] out = new int[w * h];
        PixelFormat pf = f.pixelFormat();
        if (pf != null) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = yuv(b, pf, w, h, x, y);
                }
            }
            return out;
        }
        ColorModel model = f.effectiveColorModel();
        ChannelDatatype dt = f.effectiveChannelDatatype();
        int channels = model.channels();
        boolean swap = model == ColorModel.BGR || model == ColorModel.BGRA;
        if (dt == ChannelDatatype.U8) {
            return u8(b, w * h, channels, swap, out);
        }
        int n = w * h * channels;
        double[] range = dt == ChannelDatatype.U8 ? new double[] {0, 255} : dataRange(b, dt, n);
        boolean srgb = dt == ChannelDatatype.U8 || (range[0] >= 0 && range[1] <= 255); // [0, 1] or [0, 255]
        for (int i = 0; i < w * h; i++) {
            float[] c = new float[4];
            c[3] = 1f;
            for (int k = 0; k < channels; k++) {
                c[k] = (float) ((DepthValues.read(b, dt, i * channels + k) - range[0]) / (range[1] - range[0]));
            }
            int r;
            int g;
            int bl;
            if (channels == 1) {
                r = g = bl = srgb ? Colormaps.toByte(c[0]) : Argb.red(Colormaps.argb(
                        io.github.rerun4j.sdk.types.Colormap.GRAYSCALE, c[0]));
            } else {
                float cr = swap ? c[2] : c[0];
                float cb = swap ? c[0] : c[2];
                r = srgb ? Colormaps.toByte(cr) : Colormaps.toByte(linearToSrgb(cr));
                g = srgb ? Colormaps.toByte(c[1]) : Colormaps.toByte(linearToSrgb(c[1]));
                bl = srgb ? Colormaps.toByte(cb) : Colormaps.toByte(linearToSrgb(cb));
            }
            int a = channels == 4 ? Colormaps.toByte(c[3]) : 255;
            out[i] = Argb.pack(r, g, bl, a);
        }
        return out;
    }

    /**
     * 8-bit texels, the common case, straight from the bytes: what the general path computes for them (a byte
     * normalised to [0, 1] and back is the byte itself), without its per-texel arithmetic.
     */
    private static int[] u8(ByteBuffer b, int texels, int channels, boolean swap, int[] out) {
        for (int i = 0, o = 0; i < texels; i++, o += channels) {
            out[i] = u8(b, o, channels, swap);
        }
        return out;
    }

    private static int u8(ByteBuffer b, int o, int channels, boolean swap) {
        int c0 = b.get(o) & 0xFF;
        if (channels == 1) {
            return Argb.pack(c0, c0, c0, 255);
        }
        int c1 = b.get(o + 1) & 0xFF;
        int c2 = b.get(o + 2) & 0xFF;
        int a = channels == 4 ? b.get(o + 3) & 0xFF : 255;
        return swap ? Argb.pack(c2, c1, c0, a) : Argb.pack(c0, c1, c2, a);
    }

    /** The viewer's data-range heuristic over all finite values. */
    static double[] dataRange(ByteBuffer b, ChannelDatatype dt, int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = DepthValues.read(b, dt, i);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        if (dt.isFloat() && min >= 0 && max <= 1) {
            return new double[] {0, 1};
        }
        if (min >= 0 && max <= 255) {
            return new double[] {0, 255};
        }
        if (min == max) {
            return new double[] {min - 1, max + 1};
        }
        return new double[] {min, max};
    }

    static float linearToSrgb(float c) {
        if (!(c > 0.0031308f)) {
            return Math.max(c, 0f) * 12.92f;
        }
        return (float) (1.055 * Math.pow(c, 1 / 2.4) - 0.055);
    }

    private static int yuv(ByteBuffer b, PixelFormat pf, int w, int h, int x, int y) {
        int wh = w * h;
        int yv;
        int u;
        int v;
        switch (pf) {
            case NV12 -> {
                yv = u8(b, y * w + x);
                int uv = wh + (y / 2) * w + 2 * (x / 2);
                u = u8(b, uv);
                v = u8(b, uv + 1);
            }
            case YUY2 -> {
                yv = u8(b, y * 2 * w + 2 * x);
                u = u8(b, y * 2 * w + 4 * (x / 2) + 1);
                v = u8(b, y * 2 * w + 4 * (x / 2) + 3);
            }
            case Y_U_V12_LIMITED_RANGE, Y_U_V12_FULL_RANGE -> {
                yv = u8(b, y * w + x);
                int q = (w / 2) * (h / 2);
                u = u8(b, wh + (y / 2) * (w / 2) + x / 2);
                v = u8(b, wh + q + (y / 2) * (w / 2) + x / 2);
            }
            case Y_U_V16_LIMITED_RANGE, Y_U_V16_FULL_RANGE -> {
                yv = u8(b, y * w + x);
                int q = (w / 2) * h;
                u = u8(b, wh + y * (w / 2) + x / 2);
                v = u8(b, wh + q + y * (w / 2) + x / 2);
            }
            case Y_U_V24_LIMITED_RANGE, Y_U_V24_FULL_RANGE -> {
                yv = u8(b, y * w + x);
                u = u8(b, wh + y * w + x);
                v = u8(b, 2 * wh + y * w + x);
            }
            default -> { // Y8
                yv = u8(b, y * w + x);
                u = 128;
                v = 128;
            }
        }
        boolean full = pf == PixelFormat.Y_U_V12_FULL_RANGE || pf == PixelFormat.Y_U_V16_FULL_RANGE
                || pf == PixelFormat.Y_U_V24_FULL_RANGE || pf == PixelFormat.Y8_FULL_RANGE;
        boolean bt601 = pf == PixelFormat.NV12 || pf == PixelFormat.YUY2;
        float yy = full ? yv / 255f : (yv - 16) / 219f;
        float uu = full ? (u - 128) / 255f : (u - 128) / 224f;
        float vv = full ? (v - 128) / 255f : (v - 128) / 224f;
        float r;
        float g;
        float bl;
        if (bt601) {
            r = yy + 1.402f * vv;
            g = yy - 0.344f * uu - 0.714f * vv;
            bl = yy + 1.772f * uu;
        } else {
            r = yy + 1.575f * vv;
            g = yy - 0.187f * uu - 0.468f * vv;
            bl = yy + 1.856f * uu;
        }
        return Argb.pack(Colormaps.toByte(r), Colormaps.toByte(g), Colormaps.toByte(bl), 255);
    }

    private static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xFF;
    }
}

package io.github.rerun4j.render.image;

import io.github.rerun4j.sdk.types.MagnificationFilter;

/**
 * Texture filtering of normalised depth (t values, before the colormap), as the viewer's fragment shader
 * does it by hand (§4.3). Coordinates are in texel units: {@code p = texcoord · (W, H)}, so texel
 * {@code (x, y)} has its centre at {@code (x + 0.5, y + 0.5)}. Out-of-image taps clamp to the edge.
 * NaN anywhere in the footprint makes the result NaN, as on the GPU.
 *
 * <pre>{@code
 * float[] t = {0f, 1f, 0.5f, 0.25f};                    // 2x2, row-major
 * Sampler.sample(t, 2, 2, 1f, 1f, Sampler.Filter.BILINEAR);  // 0.4375 (mean of the four)
 * Sampler.choose(MagnificationFilter.BICUBIC, false);   // BILINEAR when minified
 * }</pre>
 */
public final class Sampler {

    /** The filter actually applied to a fragment. */
    public enum Filter {
        /** The texel under the sample point. */
        NEAREST,
        /** GL_LINEAR with clamp-to-edge; not clamped. */
        BILINEAR,
        /** Separable Catmull-Rom on a 4x4 footprint, then clamped to [0, 1]. */
        BICUBIC
    }

    /**
     * Normalised t of texel {@code (x, y)}, both already clamped to the image: lets the 2D renderer read
     * texels on demand instead of normalising the whole image first (a 200x200 picture of a 20000x20000
     * frame must not need 1.6 GB).
     */
    @FunctionalInterface
    public interface Texels {
        /** The value of texel {@code (x, y)}, {@code 0 <= x < width}, {@code 0 <= y < height}. */
        float at(int x, int y);
    }

    private Sampler() {
    }

    /**
     * Filter for a fragment: Nearest stays nearest either way (no mipmaps); Linear is bilinear; Bicubic is
     * bicubic only when magnified and bilinear when minified. A null setting means the default, Nearest.
     */
    public static Filter choose(MagnificationFilter setting, boolean magnified) {
        if (setting == null) {
            setting = EffectiveDepthImage.DEFAULT_FILTER;
        }
        if (setting == MagnificationFilter.NEAREST) {
            return Filter.NEAREST;
        }
        if (setting == MagnificationFilter.BICUBIC && magnified) {
            return Filter.BICUBIC;
        }
        return Filter.BILINEAR;
    }

    /**
     * The shader's test {@code fwidth(texcoord.x · W) < 1}: one screen pixel spans less than one texel
     * horizontally. For an image scaled to {@code outputWidth} pixels that is {@code W / outputWidth < 1};
     * native size therefore counts as minified (harmless: every filter returns the texel at its centre).
     */
    public static boolean isMagnified(int textureWidth, int outputWidth) {
        return (float) textureWidth / outputWidth < 1f;
    }

    /** Samples {@code values} (row-major {@code width × height}) at texel-space point {@code (px, py)}. */
    public static float sample(float[] values, int width, int height, float px, float py, Filter filter) {
        return sample(arrayTexels(values, width), width, height, px, py, filter);
    }

    /** Samples the texels of a {@code width × height} image at texel-space point {@code (px, py)}. */
    public static float sample(Texels values, int width, int height, float px, float py, Filter filter) {
        switch (filter) {
            case NEAREST: return nearest(values, width, height, px, py);
            case BILINEAR: return bilinear(values, width, height, px, py);
            case BICUBIC: return bicubic(values, width, height, px, py);
            default: throw new IllegalArgumentException("unknown filter " + filter);
        }
    }

    /** Texel {@code clamp(floor(p), 0, size − 1)}. */
    public static float nearest(float[] values, int width, int height, float px, float py) {
        return nearest(arrayTexels(values, width), width, height, px, py);
    }

    /** Bilinear: {@code c = p − 0.5}, base texel {@code floor(c)}, weights {@code c − floor(c)}. */
    public static float bilinear(float[] values, int width, int height, float px, float py) {
        return bilinear(arrayTexels(values, width), width, height, px, py);
    }

    /** Catmull-Rom bicubic, see {@link #bicubic(Texels, int, int, float, float)}. */
    public static float bicubic(float[] values, int width, int height, float px, float py) {
        return bicubic(arrayTexels(values, width), width, height, px, py);
    }

    /** Texel {@code clamp(floor(p), 0, size − 1)}. */
    public static float nearest(Texels values, int width, int height, float px, float py) {
        return texel(values, width, height, (int) Math.floor(px), (int) Math.floor(py));
    }

    /** Bilinear: {@code c = p − 0.5}, base texel {@code floor(c)}, weights {@code c − floor(c)}. */
    public static float bilinear(Texels values, int width, int height, float px, float py) {
        float cx = px - 0.5f;
        float cy = py - 0.5f;
        int bx = (int) Math.floor(cx);
        int by = (int) Math.floor(cy);
        float fx = cx - bx;
        float fy = cy - by;
        float top = mix(texel(values, width, height, bx, by), texel(values, width, height, bx + 1, by), fx);
        float bottom = mix(texel(values, width, height, bx, by + 1),
                texel(values, width, height, bx + 1, by + 1), fx);
        return mix(top, bottom, fy);
    }

    /**
     * Catmull-Rom bicubic over texels {@code b−1 … b+2} in both axes (same {@code b}, {@code f} as
     * bilinear), clamped to [0, 1] afterwards because the kernel overshoots at steps.
     */
    public static float bicubic(Texels values, int width, int height, float px, float py) {
        float cx = px - 0.5f;
        float cy = py - 0.5f;
        int bx = (int) Math.floor(cx);
        int by = (int) Math.floor(cy);
        float[] wx = catmullRomWeights(cx - bx);
        float[] wy = catmullRomWeights(cy - by);
        float sum = 0f;
        for (int j = 0; j < 4; j++) {
            float row = 0f;
            for (int i = 0; i < 4; i++) {
                row += wx[i] * texel(values, width, height, bx - 1 + i, by - 1 + j);
            }
            sum += wy[j] * row;
        }
        return Math.min(Math.max(sum, 0f), 1f); // Math.min/max keep NaN, matching NaN propagation
    }

    /**
     * Catmull-Rom weights for taps at offsets −1, 0, +1, +2 and fraction {@code f}:
     * {@code ½(−f³+2f²−f)}, {@code ½(3f³−5f²+2)}, {@code ½(−3f³+4f²+f)}, {@code ½(f³−f²)}; they sum to 1.
     */
    public static float[] catmullRomWeights(float f) {
        float f2 = f * f;
        float f3 = f2 * f;
        return new float[] {
                0.5f * (-f3 + 2f * f2 - f),
                0.5f * (3f * f3 - 5f * f2 + 2f),
                0.5f * (-3f * f3 + 4f * f2 + f),
                0.5f * (f3 - f2),
        };
    }

    /** WGSL {@code mix}: {@code a·(1 − f) + b·f}. */
    private static float mix(float a, float b, float f) {
        return a * (1f - f) + b * f;
    }

    private static float texel(Texels values, int width, int height, int x, int y) {
        int cx = Math.min(Math.max(x, 0), width - 1);
        int cy = Math.min(Math.max(y, 0), height - 1);
        return values.at(cx, cy);
    }

    private static Texels arrayTexels(float[] values, int width) {
        return (x, y) -> values[y * width + x];
    }
}

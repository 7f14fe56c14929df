package io.github.rerun4j.render.image;

import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;

import java.util.Objects;

/**
 * Renders a depth image as the 2D view shows it (§4.1–§4.3): raw values → f32 → normalised t → filtered →
 * colormapped → 8-bit sRGB, returned as row-major {@code 0xAARRGGBB} pixels
 * ({@link io.github.rerun4j.render.colormap.Argb}). The image fills the whole output; output pixel
 * {@code (i, j)} samples texel-space point {@code ((i + 0.5)·W/outW, (j + 0.5)·H/outH)}.
 *
 * <pre>{@code
 * int[] px = DepthImageRenderer2D.render(depth);   // native size, logged settings + fallbacks
 * int[] big = DepthImageRenderer2D.render(depth, 600, 400,
 *         RenderOverrides.NONE.withFilter(MagnificationFilter.BICUBIC));
 * }</pre>
 */
public final class DepthImageRenderer2D {

    private DepthImageRenderer2D() {
    }

    /** Native size, no overrides. */
    public static int[] render(DepthImage image) {
        return render(image, image.width(), image.height(), RenderOverrides.NONE);
    }

    /**
     * Renders {@code image} scaled to {@code outWidth × outHeight}. Settings are taken from {@code overrides}
     * (null means {@link RenderOverrides#NONE}), else the logged fields, else the fallbacks: Turbo, the
     * automatic range, Nearest.
     */
    public static int[] render(DepthImage image, int outWidth, int outHeight, RenderOverrides overrides) {
        Objects.requireNonNull(image, "image");
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + outWidth + "x" + outHeight);
        }
        RenderOverrides o = overrides == null ? RenderOverrides.NONE : overrides;
        Colormap colormap = firstNonNull(o.colormap(), image.colormap(), Colormap.TURBO);
        DepthRange range = o.range() != null ? o.range() : DepthRange.effectiveRange(image);
        MagnificationFilter setting = firstNonNull(o.filter(), image.magnificationFilter(),
                MagnificationFilter.NEAREST);

        int w = image.width();
        int h = image.height();
        // Filters operate on normalised, unclamped t (§4.2): normalise every texel once up front.
        float[] t = Normalization.all(DepthValues.toGpuValues(image), range);
        Sampler.Filter filter = Sampler.choose(setting, Sampler.isMagnified(w, outWidth));

        int[] out = new int[Math.multiplyExact(outWidth, outHeight)];
        float sx = (float) w / outWidth;
        float sy = (float) h / outHeight;
        for (int j = 0; j < outHeight; j++) {
            float py = (j + 0.5f) * sy;
            int row = j * outWidth;
            for (int i = 0; i < outWidth; i++) {
                float px = (i + 0.5f) * sx;
                out[row + i] = Colormaps.argb(colormap, Sampler.sample(t, w, h, px, py, filter));
            }
        }
        return out;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        throw new IllegalStateException("no default");
    }
}

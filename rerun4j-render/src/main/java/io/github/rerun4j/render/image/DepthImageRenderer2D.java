package io.github.rerun4j.render.image;

import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import io.github.rerun4j.sdk.types.Colormap;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Renders a depth image as the 2D view shows it (§4.1–§4.3): raw values → f32 → normalised t → filtered →
 * colormapped → 8-bit sRGB, returned as row-major {@code 0xAARRGGBB} pixels
 * ({@link io.github.rerun4j.render.colormap.Argb}). The image fills the whole output; output pixel
 * {@code (i, j)} samples texel-space point {@code ((i + 0.5)·W/outW, (j + 0.5)·H/outH)}.
 *
 * <p>A NaN t (a NaN pixel, or 0/0 from an empty range) is drawn with the colormap's t = 1 colour: Rerun's
 * shader leaves NaN undefined (WGSL lets the GPU assume there is none) and the official viewer in the
 * reference environment shows the t = 1 colour (docs/semantics.md §3.2).
 *
 * <p>Memory: the output plus, when the output has at least as many pixels as the image, one f32 per texel;
 * a smaller output reads only the texels its samples touch, so a thumbnail of a huge frame stays small.
 *
 * <pre>{@code
 * int[] px = DepthImageRenderer2D.render(depth);   // native size, logged settings + fallbacks
 * int[] big = DepthImageRenderer2D.render(depth, 600, 400,
 *         RenderOverrides.NONE.withFilter(MagnificationFilter.BICUBIC));
 * }</pre>
 */
public final class DepthImageRenderer2D {

    /** The colormap coordinate a NaN t is drawn with (what the reference environment shows). */
    public static final float NAN_T = 1f;

    private DepthImageRenderer2D() {
    }

    /** Native size, no overrides. */
    public static int[] render(DepthImage image) {
        return render(image, image.width(), image.height(), RenderOverrides.NONE);
    }

    /**
     * Renders {@code image} scaled to {@code outWidth × outHeight}. Settings are taken from {@code overrides}
     * (null means {@link RenderOverrides#NONE}), else the logged fields, else the fallbacks
     * ({@link EffectiveDepthImage}).
     */
    public static int[] render(DepthImage image, int outWidth, int outHeight, RenderOverrides overrides) {
        Objects.requireNonNull(image, "image");
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + outWidth + "x" + outHeight);
        }
        EffectiveDepthImage effective = EffectiveDepthImage.of(image, overrides);
        Colormap colormap = effective.colormap();
        DepthRange range = effective.range();

        int w = image.width();
        int h = image.height();
        long outPixels = (long) outWidth * outHeight;
        if (outPixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("output too large for one picture: " + outWidth + "x" + outHeight);
        }
        // Filters operate on normalised, unclamped t (§4.2). Normalising every texel up front is fastest
        // when the picture is at least as big as the image; a smaller picture reads texels on demand.
        Sampler.Texels t = outPixels >= (long) w * h
                ? normalisedCopy(image, range)
                : onDemand(image, range);
        Sampler.Filter filter = Sampler.choose(effective.filter(), Sampler.isMagnified(w, outWidth));

        int[] out = new int[(int) outPixels];
        float sx = (float) w / outWidth;
        float sy = (float) h / outHeight;
        for (int j = 0; j < outHeight; j++) {
            float py = (j + 0.5f) * sy;
            int row = j * outWidth;
            for (int i = 0; i < outWidth; i++) {
                float px = (i + 0.5f) * sx;
                float s = Sampler.sample(t, w, h, px, py, filter);
                out[row + i] = Colormaps.argb(colormap, s != s ? NAN_T : s);
            }
        }
        return out;
    }

    private static Sampler.Texels normalisedCopy(DepthImage image, DepthRange range) {
        float[] t = Normalization.all(DepthValues.toGpuValues(image), range);
        int w = image.width();
        return (x, y) -> t[y * w + x];
    }

    private static Sampler.Texels onDemand(DepthImage image, DepthRange range) {
        ByteBuffer bytes = image.buffer().asByteBuffer();
        ChannelDatatype type = image.datatype();
        int w = image.width();
        float min = range.min();
        float max = range.max();
        return (x, y) -> Normalization.t(DepthValues.gpuValue(bytes, type, y * w + x), min, max);
    }
}

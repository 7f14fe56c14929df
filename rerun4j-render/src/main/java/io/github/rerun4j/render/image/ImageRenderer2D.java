package io.github.rerun4j.render.image;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.sdk.archetypes.Image;

/**
 * Renders a colour {@link Image} as the 2D view shows it, scaled to the output: the texel colours of
 * {@link ColorTexels}, sampled Nearest (output pixel {@code (i, j)} takes texel
 * {@code (floor((i + 0.5)·W/outW), floor((j + 0.5)·H/outH))}), alpha multiplied by the logged opacity (default 1).
 * The CPU reference does not filter colour images: Linear/Bicubic magnification and the viewer's bilinear
 * minification are not reproduced here.
 *
 * <pre>{@code
 * int[] px = ImageRenderer2D.render(image, 640, 480);   // 0xAARRGGBB, alpha not premultiplied
 * }</pre>
 */
public final class ImageRenderer2D {

    private ImageRenderer2D() {
    }

    /** Native size. */
    public static int[] render(Image image) {
        return render(image, image.width(), image.height());
    }

    /** Scaled to {@code outWidth × outHeight}. */
    public static int[] render(Image image, int outWidth, int outHeight) {
        if (outWidth <= 0 || outHeight <= 0) {
            throw new IllegalArgumentException("output size must be positive: " + outWidth + "x" + outHeight);
        }
        int w = image.width();
        int h = image.height();
        int[] texels = ColorTexels.of(image);
        float opacity = image.opacity() == null ? 1f : image.opacity();
        int[] out = new int[Math.multiplyExact(outWidth, outHeight)];
        for (int j = 0; j < outHeight; j++) {
            int ty = Math.min(h - 1, (int) ((j + 0.5) * h / outHeight));
            for (int i = 0; i < outWidth; i++) {
                int tx = Math.min(w - 1, (int) ((i + 0.5) * w / outWidth));
                int p = texels[ty * w + tx];
                int alpha = Math.round(Argb.alpha(p) * opacity);
                out[j * outWidth + i] = Argb.pack(Argb.red(p), Argb.green(p), Argb.blue(p), alpha);
            }
        }
        return out;
    }
}

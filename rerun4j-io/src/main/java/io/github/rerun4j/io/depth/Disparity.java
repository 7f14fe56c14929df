package io.github.rerun4j.io.depth;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.ChannelDatatype;
import java.nio.ByteBuffer;

/**
 * Stereo disparity to depth: {@code Z = baseline * focal / (d + doffs)}, with {@code d = raw / unitsPerPixel}
 * (1 for float disparity maps such as Middlebury's PFMs, 256 for KITTI's disparity PNGs) and {@code doffs} the
 * principal points' x offset ({@code cx1 - cx0}, Middlebury's {@code doffs}; 0 for rectified pairs).
 * The depth is in the baseline's unit: give the baseline in metres for depth in metres (meter 1).
 *
 * <p>A disparity that is not finite or not {@code > 0} (Middlebury's +inf "unknown", KITTI's 0 "no
 * measurement") has no depth: NaN, which makes no point in 3D and stays out of the automatic colormap range.
 *
 * @param baseline      distance between the two cameras' centres, finite {@code > 0} (metres for metres)
 * @param focal         focal length in pixels, finite {@code > 0}
 * @param doffs         x difference of the principal points in pixels, finite
 * @param unitsPerPixel raw disparity units per pixel of disparity, finite {@code > 0}
 */
public record Disparity(double baseline, double focal, double doffs, double unitsPerPixel) {

    /** Validates the fields. */
    public Disparity {
        positive("Disparity.baseline", baseline);
        positive("Disparity.focal", focal);
        if (!Double.isFinite(doffs)) {
            throw new InvalidArgumentException("Disparity.doffs", Double.toString(doffs), "a finite value (pixels)");
        }
        positive("Disparity.unitsPerPixel", unitsPerPixel);
    }

    /** Rectified pair, disparity in pixels: {@code doffs} 0, one unit per pixel. */
    public static Disparity of(double baseline, double focal) {
        return new Disparity(baseline, focal, 0, 1);
    }

    /** The same with the principal points' x offset {@code doffs}. */
    public Disparity withDoffs(double doffs) {
        return new Disparity(baseline, focal, doffs, unitsPerPixel);
    }

    /** The same with raw disparity values of {@code unitsPerPixel} units per pixel. */
    public Disparity withUnitsPerPixel(double unitsPerPixel) {
        return new Disparity(baseline, focal, doffs, unitsPerPixel);
    }

    /** The depth of {@code disparity} (any element type but F16) as F32 in the baseline's unit. */
    public DepthImage toDepth(DepthImage disparity) {
        ChannelDatatype dt = disparity.datatype();
        if (dt == ChannelDatatype.F16) {
            throw new InvalidArgumentException("Disparity.image", "F16", "a disparity image of any element type but F16");
        }
        ByteBuffer src = disparity.buffer().asByteBuffer();
        int n = disparity.width() * disparity.height();
        float[] depth = new float[n];
        double bf = baseline * focal;
        for (int i = 0; i < n; i++) {
            double d = DepthPixels.value(src, dt, i) / unitsPerPixel;
            double z = d > 0 && Double.isFinite(d) ? bf / (d + doffs) : Double.NaN;
            depth[i] = z > 0 && Double.isFinite(z) ? (float) z : Float.NaN;
        }
        return DepthImage.fromF32(depth, disparity.width(), disparity.height());
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidArgumentException(field, Double.toString(v), "a finite value > 0");
        }
    }
}

package io.github.rerun4j.render.projection;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.Meter;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;

import java.util.Arrays;

/**
 * The two boxes of a depth cloud, for two different jobs:
 * <ul>
 *   <li>{@link #rerun}: what Rerun 0.36 adds to the scene box (camera origin and the image corners
 *       back-projected at the range's far end); only the default {@code image_plane_distance} of the
 *       frustum depends on it (docs/semantics.md §5.5), so frustums match Rerun's;</li>
 *   <li>{@link #robust}: the box used to <em>frame</em> the view. Real captures carry a few spurious points
 *       far away (0.8% of a frame out to 79 m made the whole scene a speck), so the box spans the
 *       {@value #LOW_QUANTILE} to {@value #HIGH_QUANTILE} quantile of the points per axis, computed on a
 *       regular sample of at most {@value #MAX_SAMPLES} pixels (cost independent of the image size).</li>
 * </ul>
 * Callers add the camera origins and frustums to the framing box themselves (they are always framed).
 *
 * <pre>{@code
 * Bounds frame = CloudBounds.robust(depth, camera).union(frustumBox);
 * double d = Frustum.imagePlaneDistance(camera.pinhole(), CloudBounds.rerun(depth, camera, range));
 * }</pre>
 */
public final class CloudBounds {

    /** Lower quantile of the framing box, per axis. */
    public static final double LOW_QUANTILE = 0.01;
    /** Upper quantile of the framing box, per axis. */
    public static final double HIGH_QUANTILE = 0.99;
    /** Most pixels (or points) looked at for the framing box. */
    public static final int MAX_SAMPLES = 1 << 16;

    private CloudBounds() {
    }

    /** Like Rerun 0.36: the camera origin and the four image corners back-projected at {@code range.max / meter}. */
    public static Bounds rerun(DepthImage image, PinholeCamera camera, DepthRange range) {
        double far = range.max() / Meter.effective(image);
        Bounds b = Bounds.EMPTY.including(camera.worldFromCamera().transformPoint(Vec3.ZERO));
        if (!(far > 0) || !Double.isFinite(far)) {
            return b;
        }
        Pinhole p = camera.pinhole();
        Affine3 worldFromRdf = camera.worldFromRdf();
        double fx = p.focalLengthX(), fy = p.focalLengthY();
        double cx = p.imageFromCamera().get(0, 2), cy = p.imageFromCamera().get(1, 2);
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) == 0 ? 0 : image.width();
            double v = (corner & 2) == 0 ? 0 : image.height();
            b = b.including(worldFromRdf.transformPoint(new Vec3((u - cx) * far / fx, (v - cy) * far / fy, far)));
        }
        return b;
    }

    /**
     * The framing box of the cloud {@code image} makes through {@code camera}, from a regular grid of at most
     * {@link #MAX_SAMPLES} pixels back-projected like the cloud; {@link Bounds#EMPTY} if none is valid.
     */
    public static Bounds robust(DepthImage image, PinholeCamera camera) {
        int w = image.width(), h = image.height();
        long pixels = (long) w * h;
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / MAX_SAMPLES)));
        int capacity = (int) Math.min(pixels, (long) ((w + step - 1) / step) * ((h + step - 1) / step));
        float[] xs = new float[capacity], ys = new float[capacity], zs = new float[capacity];
        Pinhole pinhole = camera.pinhole();
        Affine3 worldFromRdf = camera.worldFromRdf();
        int n = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                float z = BackProjection.depthMetres(image, x, y);
                if (BackProjection.isValidDepth(z)) {
                    float[] p = BackProjection.worldPoint(pinhole, worldFromRdf, x, y, z);
                    xs[n] = p[0];
                    ys[n] = p[1];
                    zs[n] = p[2];
                    n++;
                }
            }
        }
        return quantileBox(xs, ys, zs, n);
    }

    /** The framing box of an already projected cloud (every k-th point, at most {@link #MAX_SAMPLES}). */
    public static Bounds robust(PointCloud cloud) {
        int count = cloud.count();
        int step = Math.max(1, (count + MAX_SAMPLES - 1) / MAX_SAMPLES);
        int n = (count + step - 1) / step;
        float[] xs = new float[n], ys = new float[n], zs = new float[n];
        float[] xyz = cloud.xyz();
        for (int i = 0, k = 0; k < n; i += step, k++) {
            xs[k] = xyz[3 * i];
            ys[k] = xyz[3 * i + 1];
            zs[k] = xyz[3 * i + 2];
        }
        return quantileBox(xs, ys, zs, n);
    }

    private static Bounds quantileBox(float[] xs, float[] ys, float[] zs, int n) {
        if (n == 0) {
            return Bounds.EMPTY;
        }
        int lo = (int) Math.floor(LOW_QUANTILE * (n - 1));
        int hi = (int) Math.ceil(HIGH_QUANTILE * (n - 1));
        Arrays.sort(xs, 0, n);
        Arrays.sort(ys, 0, n);
        Arrays.sort(zs, 0, n);
        return new Bounds(new Vec3(xs[lo], ys[lo], zs[lo]), new Vec3(xs[hi], ys[hi], zs[hi]));
    }
}

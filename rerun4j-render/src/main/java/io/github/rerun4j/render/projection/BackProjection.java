package io.github.rerun4j.render.projection;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.DepthValues;
import io.github.rerun4j.render.image.EffectiveDepthImage;
import io.github.rerun4j.render.image.Meter;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;


/**
 * Turns a depth image into the point cloud Rerun's 3D view draws (docs/semantics.md §5.3–§5.4), on the CPU
 * and in f32 like the viewer's shader.
 *
 * <p>For every pixel {@code (x, y)} with raw value {@code d}:
 * <ol>
 *   <li>{@code z = d * f32(1 / meter)}; the pixel is skipped unless {@code 0 < z < Float.MAX_VALUE} (so 0,
 *       negative, NaN and infinite depths never become points);</li>
 *   <li>RDF camera point {@code ((x - cx) * z / fx, (y - cy) * z / fy, z)} with the integer pixel index
 *       (<em>no</em> +0.5 centre offset, unlike the 2D view);</li>
 *   <li>world point {@code worldFromCamera * fromRdf(camera_xyz) * p};</li>
 *   <li>radius {@code fill_ratio * z * res_h / (|fy| * H) * averageScale(worldFromRdf)}, where {@code res_h}
 *       is the Pinhole resolution's height (1 if the Pinhole has none) and {@code H} the image height;</li>
 *   <li>{@code t = (z - min/meter) / (max/meter - min/meter)} for the colormap range {@code [min, max]} given
 *       in raw units.</li>
 * </ol>
 * The depth image's size is deliberately not checked against the Pinhole resolution: Rerun does not either.
 *
 * <pre>{@code
 * Pinhole cam = Pinhole.fromFocalLengthAndResolution(200, 300, 200);
 * PointCloud cloud = BackProjection.project(depth.withMeter(10000), cam, Affine3.IDENTITY, 0, 65535);
 * // pixel (200, 150) with raw 45000 -> (1.125, 1.125, 4.5), radius 0.0225
 * }</pre>
 */
public final class BackProjection {

    private BackProjection() {
    }

    /**
     * Back-projects with the camera found by {@link TransformChain#cameraFor}; its camera axes (including a
     * ViewCoordinates fallback) and placement are used.
     */
    public static PointCloud project(DepthImage depth, PinholeCamera camera, float rangeMin, float rangeMax) {
        return projectRdf(depth, camera.pinhole(), camera.worldFromRdf(), rangeMin, rangeMax);
    }

    /**
     * Back-projects through {@code pinhole}; {@code worldFromCamera} maps the pinhole entity's space (axes =
     * the Pinhole's {@code camera_xyz}, RDF if null) into the world. {@code [rangeMin, rangeMax]} is the
     * colormap range in raw units (the logged {@code depth_range}, or the automatic one of §2.2).
     */
    public static PointCloud project(DepthImage depth, Pinhole pinhole, Affine3 worldFromCamera,
                                     float rangeMin, float rangeMax) {
        return projectRdf(depth, pinhole, worldFromCamera.multiply(ViewBasis.fromRdf(pinhole.cameraXyz())),
                rangeMin, rangeMax);
    }

    /**
     * As {@link #project(DepthImage, Pinhole, Affine3, float, float)} with the range the viewer would use:
     * the logged {@code depth_range}, else {@code [0, largest finite value]} (§2.2), i.e.
     * {@link DepthRange#effectiveRange}.
     */
    public static PointCloud project(DepthImage depth, Pinhole pinhole, Affine3 worldFromCamera) {
        DepthRange range = DepthRange.effectiveRange(depth);
        return project(depth, pinhole, worldFromCamera, range.min(), range.max());
    }

    /**
     * The core: {@code worldFromRdf} already contains the camera-axes conversion (see
     * {@link PinholeCamera#worldFromRdf()}). Allocates the cloud at its exact size (one counting pass
     * first); use {@link #projectRdfInto} to reuse arrays across frames.
     */
    public static PointCloud projectRdf(DepthImage depth, Pinhole pinhole, Affine3 worldFromRdf,
                                        float rangeMin, float rangeMax) {
        checkSize(depth);
        final int w = depth.width();
        final int h = depth.height();
        final float invMeter = 1f / Meter.effective(depth);
        DepthRows rows = new DepthRows(depth);
        float[] row = new float[w];
        // Count the valid pixels first, so the outputs are allocated once at their exact size (holes are
        // common in real depth; allocating for every pixel and trimming cost more than the projection).
        int count = 0;
        for (int y = 0; y < h; y++) {
            rows.read(y, row);
            for (int x = 0; x < w; x++) {
                final float z = row[x] * invMeter;
                if (z > 0f && z < Float.MAX_VALUE) {
                    count++;
                }
            }
        }
        float[] xyz = new float[3 * count];
        float[] radii = new float[count];
        float[] zs = new float[count];
        int[] index = new int[count];
        float[] t = new float[count];
        fill(depth, pinhole, worldFromRdf, rangeMin, rangeMax, xyz, radii, zs, index, t);
        return new PointCloud(xyz, radii, zs, index, t, w, h);
    }

    /**
     * As {@link #project(DepthImage, PinholeCamera, float, float)}, into caller-provided buffers (no
     * allocation). Returns the number of points, also {@code out.count()}.
     *
     * @throws IllegalArgumentException if {@code out} holds fewer than {@code width * height} points
     */
    public static int projectInto(DepthImage depth, PinholeCamera camera, float rangeMin, float rangeMax,
                                  PointBuffers out) {
        return projectRdfInto(depth, camera.pinhole(), camera.worldFromRdf(), rangeMin, rangeMax, out);
    }

    /**
     * As {@link #projectRdf}, into caller-provided buffers: one pass, no allocation. Returns the number of
     * points, also {@code out.count()}; the points are identical to those {@link #projectRdf} returns.
     *
     * @throws IllegalArgumentException if {@code out} holds fewer than {@code width * height} points
     */
    public static int projectRdfInto(DepthImage depth, Pinhole pinhole, Affine3 worldFromRdf,
                                     float rangeMin, float rangeMax, PointBuffers out) {
        checkSize(depth);
        long pixels = (long) depth.width() * depth.height();
        if (out.capacity() < pixels) {
            throw new IllegalArgumentException("out holds " + out.capacity() + " points, expected at least "
                    + depth.width() + "x" + depth.height() + " = " + pixels + " (PointBuffers.forPixels)");
        }
        int n = fill(depth, pinhole, worldFromRdf, rangeMin, rangeMax,
                out.xyz(), out.radii(), out.depthMeters(), out.pixelIndex(), out.t());
        out.finish(n, depth.width(), depth.height());
        return n;
    }

    /**
     * The world position of one pixel at depth {@code z} metres, with the very f32 arithmetic of the cloud
     * (hover reports exactly the point the 3D view draws). {@code z} should be {@link #depthMetres}.
     */
    public static float[] worldPoint(Pinhole pinhole, Affine3 worldFromRdf, int x, int y, float z) {
        final float cx = pinhole.imageFromCamera().get(0, 2);
        final float cy = pinhole.imageFromCamera().get(1, 2);
        final float rx = ((float) x - cx) / pinhole.focalLengthX();
        final float rayY = ((float) y - cy) / pinhole.focalLengthY();
        float[] p = new float[3];
        for (int r = 0; r < 3; r++) {
            final float by = (float) worldFromRdf.get(r, 1) * rayY + (float) worldFromRdf.get(r, 2);
            p[r] = ((float) worldFromRdf.get(r, 0) * rx + by) * z + (float) worldFromRdf.get(r, 3);
        }
        return p;
    }

    /** Depth in metres of pixel {@code (x, y)} as the GPU computes it: the f32 texel times f32(1 / meter). */
    public static float depthMetres(DepthImage depth, int x, int y) {
        DepthValues.get(depth, x, y); // bounds check with the pixel named
        float raw = DepthValues.gpuValue(depth.buffer().asByteBuffer(), depth.datatype(), y * depth.width() + x);
        return raw * (1f / Meter.effective(depth));
    }

    /** True if a depth of {@code z} metres becomes a point (§5.3 step 2: {@code 0 < z < f32::MAX}). */
    public static boolean isValidDepth(float z) {
        return z > 0f && z < Float.MAX_VALUE;
    }

    /**
     * Sphere radius per metre of depth: {@code fill * res_h / (|fy| * H) * averageScale(worldFromRdf)},
     * {@code res_h} the Pinhole resolution's height (1 without one), {@code H} the image height (§5.4).
     */
    public static float radiusPerDepth(Pinhole pinhole, int imageHeight, float fillRatio, Affine3 worldFromRdf) {
        final float resH = pinhole.resolution() != null ? pinhole.resolution().height() : 1f;
        // |fy|: a negative focal length (flipped image) would give a negative radius, which Rerun would
        // misread as a size in UI points; the magnitude is the physical pixel footprint.
        return (float) (fillRatio * resH / (Math.abs(pinhole.focalLengthY()) * (double) imageHeight)
                * worldFromRdf.averageScale());
    }

    private static void checkSize(DepthImage depth) {
        if (3L * depth.width() * depth.height() > Integer.MAX_VALUE - 8) { // xyz must fit one Java array
            throw new IllegalArgumentException("depth image too large for one point cloud: "
                    + depth.width() + "x" + depth.height());
        }
    }

    /** The kernel: writes every valid pixel's point into the arrays (large enough), returns the count. */
    private static int fill(DepthImage depth, Pinhole pinhole, Affine3 worldFromRdf, float rangeMin,
                            float rangeMax, float[] xyz, float[] radii, float[] zs, int[] index, float[] t) {
        final int w = depth.width();
        final int h = depth.height();
        final float invMeter = 1f / Meter.effective(depth);  // the shader multiplies by f32(1/meter)
        final float fx = pinhole.focalLengthX();
        final float fy = pinhole.focalLengthY();
        final float cx = pinhole.imageFromCamera().get(0, 2);
        final float cy = pinhole.imageFromCamera().get(1, 2);
        final float radiusPerZ = radiusPerDepth(pinhole, h, EffectiveDepthImage.pointFillRatio(depth), worldFromRdf);
        final float r0 = rangeMin * invMeter;
        final float span = rangeMax * invMeter - r0;

        final float m00 = (float) worldFromRdf.get(0, 0), m01 = (float) worldFromRdf.get(0, 1);
        final float m02 = (float) worldFromRdf.get(0, 2), m03 = (float) worldFromRdf.get(0, 3);
        final float m10 = (float) worldFromRdf.get(1, 0), m11 = (float) worldFromRdf.get(1, 1);
        final float m12 = (float) worldFromRdf.get(1, 2), m13 = (float) worldFromRdf.get(1, 3);
        final float m20 = (float) worldFromRdf.get(2, 0), m21 = (float) worldFromRdf.get(2, 1);
        final float m22 = (float) worldFromRdf.get(2, 2), m23 = (float) worldFromRdf.get(2, 3);

        DepthRows rows = new DepthRows(depth);
        float[] row = new float[w];
        // The ray direction of each column, once: the inner loop then has no division.
        float[] rayX = new float[w];
        for (int x = 0; x < w; x++) {
            rayX[x] = ((float) x - cx) / fx;
        }
        final float invSpan = 1f / span;

        int k = 0;
        for (int y = 0; y < h; y++) {
            rows.read(y, row);
            final float rayY = ((float) y - cy) / fy;
            final float by0 = m01 * rayY + m02;
            final float by1 = m11 * rayY + m12;
            final float by2 = m21 * rayY + m22;
            final int rowBase = y * w;
            for (int x = 0; x < w; x++) {
                final float z = row[x] * invMeter;
                if (!(z > 0f && z < Float.MAX_VALUE)) {
                    continue; // 0, negative, NaN, +-inf: no point (§5.3 step 2)
                }
                // world = M * (rayX z, rayY z, z) + m_3, factored per row.
                final float rx = rayX[x];
                final int j = 3 * k;
                xyz[j] = (m00 * rx + by0) * z + m03;
                xyz[j + 1] = (m10 * rx + by1) * z + m13;
                xyz[j + 2] = (m20 * rx + by2) * z + m23;
                radii[k] = z * radiusPerZ;
                zs[k] = z;
                index[k] = rowBase + x;
                t[k] = (z - r0) * invSpan;
                k++;
            }
        }
        return k;
    }
}

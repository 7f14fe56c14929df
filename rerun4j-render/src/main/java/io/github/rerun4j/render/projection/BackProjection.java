package io.github.rerun4j.render.projection;

import io.github.rerun4j.render.image.DepthRange;
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
     * {@link PinholeCamera#worldFromRdf()}).
     */
    public static PointCloud projectRdf(DepthImage depth, Pinhole pinhole, Affine3 worldFromRdf,
                                        float rangeMin, float rangeMax) {
        final int w = depth.width();
        final int h = depth.height();
        if (3L * w * h > Integer.MAX_VALUE - 8) { // xyz must fit one Java array
            throw new IllegalArgumentException("depth image too large for one point cloud: " + w + "x" + h);
        }
        final int n = w * h;

        final float invMeter = 1f / Meter.effective(depth);  // the shader multiplies by f32(1/meter)
        final float fx = pinhole.focalLengthX();
        final float fy = pinhole.focalLengthY();
        final float cx = pinhole.imageFromCamera().get(0, 2);
        final float cy = pinhole.imageFromCamera().get(1, 2);
        final float resH = pinhole.resolution() != null ? pinhole.resolution().height() : 1f;
        final float fill = depth.pointFillRatio() != null ? depth.pointFillRatio() : 1f;
        // |fy|: a negative focal length (flipped image) would give a negative radius, which Rerun would
        // misread as a size in UI points; the magnitude is the physical pixel footprint.
        final float radiusPerZ = (float) (fill * resH / (Math.abs(fy) * (double) h) * worldFromRdf.averageScale());
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
        // First pass: count the valid pixels, so the outputs are allocated once at their exact size (holes
        // are common in real depth; allocating for every pixel and trimming cost more than the projection).
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
        return new PointCloud(xyz, radii, zs, index, t, w, h);
    }
}

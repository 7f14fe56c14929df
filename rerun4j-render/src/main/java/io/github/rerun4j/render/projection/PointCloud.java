package io.github.rerun4j.render.projection;

import java.util.Objects;

/**
 * The points of one back-projected depth image, as parallel primitive arrays (structure of arrays, so a
 * 640x480 cloud is five allocations, not 300 000 objects).
 *
 * <p>Point {@code i} is at {@code (xyz[3i], xyz[3i+1], xyz[3i+2])} in world units (metres for the usual
 * {@code meter}), drawn as a sphere of radius {@code radii[i]}; {@code depthMeters[i]} is its camera-space
 * depth {@code z}, {@code pixelIndex[i] = y * imageWidth + x} the pixel it came from (what hover reports),
 * and {@code t[i]} its colormap coordinate (not clamped: the colormap saturates, docs/semantics.md §3.2).
 * Points are in pixel order (row by row); invalid pixels are simply absent.
 *
 * <p>The accessors return the cloud's own arrays without copying (this is the hot path of rendering and
 * export): treat them as read-only. All arrays hold exactly {@link #count()} points.
 *
 * <pre>{@code
 * PointCloud cloud = BackProjection.project(depth, pinhole, Affine3.IDENTITY, 0, 65535);
 * int i = 0;
 * float x = cloud.x(i), r = cloud.radii()[i];
 * int px = cloud.pixelX(i), py = cloud.pixelY(i);
 * }</pre>
 */
public final class PointCloud {

    private final float[] xyz;
    private final float[] radii;
    private final float[] depthMeters;
    private final int[] pixelIndex;
    private final float[] t;
    private final int count;
    private final int imageWidth;
    private final int imageHeight;

    /**
     * Wraps the arrays (not copied). {@code xyz} holds {@code 3 * count} floats, the others {@code count}.
     */
    public PointCloud(float[] xyz, float[] radii, float[] depthMeters, int[] pixelIndex, float[] t,
                      int imageWidth, int imageHeight) {
        this.xyz = Objects.requireNonNull(xyz, "xyz");
        this.radii = Objects.requireNonNull(radii, "radii");
        this.depthMeters = Objects.requireNonNull(depthMeters, "depthMeters");
        this.pixelIndex = Objects.requireNonNull(pixelIndex, "pixelIndex");
        this.t = Objects.requireNonNull(t, "t");
        this.count = radii.length;
        if (xyz.length != 3 * count || depthMeters.length != count || pixelIndex.length != count
                || t.length != count) {
            throw new IllegalArgumentException("array lengths disagree: xyz " + xyz.length + ", radii "
                    + radii.length + ", depthMeters " + depthMeters.length + ", pixelIndex " + pixelIndex.length
                    + ", t " + t.length + " (expected xyz = 3 * count, others = count)");
        }
        if (imageWidth < 0 || imageHeight < 0) {
            throw new IllegalArgumentException("negative image size " + imageWidth + "x" + imageHeight);
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    /** Number of points. */
    public int count() {
        return count;
    }

    /** Interleaved world positions, {@code 3 * count} floats. */
    public float[] xyz() {
        return xyz;
    }

    /** Sphere radii in world units. */
    public float[] radii() {
        return radii;
    }

    /** Camera-space depth z in metres ({@code raw / meter}). */
    public float[] depthMeters() {
        return depthMeters;
    }

    /** Source pixel {@code y * imageWidth + x} of each point. */
    public int[] pixelIndex() {
        return pixelIndex;
    }

    /** Colormap coordinate of each point, unclamped. */
    public float[] t() {
        return t;
    }

    /** Width of the depth image the cloud came from. */
    public int imageWidth() {
        return imageWidth;
    }

    /** Height of the depth image the cloud came from. */
    public int imageHeight() {
        return imageHeight;
    }

    /** World x of point {@code i}. */
    public float x(int i) {
        return xyz[3 * i];
    }

    /** World y of point {@code i}. */
    public float y(int i) {
        return xyz[3 * i + 1];
    }

    /** World z of point {@code i}. */
    public float z(int i) {
        return xyz[3 * i + 2];
    }

    /** Source pixel column of point {@code i}. */
    public int pixelX(int i) {
        return pixelIndex[i] % imageWidth;
    }

    /** Source pixel row of point {@code i}. */
    public int pixelY(int i) {
        return pixelIndex[i] / imageWidth;
    }

    /** Index of the point that came from pixel {@code (x, y)}, or -1 if that pixel gave no point. */
    public int indexOfPixel(int x, int y) {
        int key = y * imageWidth + x;
        int i = java.util.Arrays.binarySearch(pixelIndex, key); // points are in pixel order
        return i >= 0 ? i : -1;
    }

    /** Bounding box of the point centres (radii not included). */
    public Bounds bounds() {
        return Bounds.of(xyz, count);
    }

    @Override
    public String toString() {
        return "PointCloud[" + count + " points from " + imageWidth + "x" + imageHeight + "]";
    }
}

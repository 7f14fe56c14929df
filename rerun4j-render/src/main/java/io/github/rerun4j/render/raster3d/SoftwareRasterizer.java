package io.github.rerun4j.render.raster3d;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.projection.LineSegments;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.projection.ViewBasis;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.ViewDir;

import java.util.Arrays;

/**
 * A z-buffered CPU renderer for what the 3D view shows of a depth image: points as spheres of their
 * world radius (perspective-scaled, front surface depth-tested, so intersecting spheres occlude correctly),
 * one-pixel lines (frustum, grid, axes). Unlit and unblended, like Rerun's points; no anti-aliasing.
 *
 * <p>Colours in and pixels out use the module's one packing, {@code 0xAARRGGBB} ({@link Argb},
 * {@code BufferedImage.TYPE_INT_ARGB}), so colormap output ({@code Colormaps.argb}, {@code DepthCloud.argb()})
 * goes in unchanged. Alpha 0 hides an element (Rerun's costmaps use it), any other alpha is drawn opaque.
 * Pixels are row-major, {@code width * height}.
 *
 * <pre>{@code
 * SoftwareRasterizer r = new SoftwareRasterizer(800, 600, Camera3D.framing(cloud.bounds()));
 * r.drawGrid(ViewCoordinates.RFU, 1.0, 10, SoftwareRasterizer.GRID_COLOR);
 * r.drawPoints(cloud, colors);                              // one 0xAARRGGBB per point
 * r.drawLines(Frustum.lines(pinhole, worldFromCamera, 0.3), SoftwareRasterizer.FRUSTUM_COLOR);
 * int[] argb = r.argb();
 * }</pre>
 *
 * <p>Not thread-safe; one instance per picture.
 */
public final class SoftwareRasterizer {

    /**
     * Background, {@code 0xAARRGGBB}: a dark grey close to Rerun's dark theme. Rerun draws a subtle vertical
     * gradient ({@code GradientDark}); a flat colour keeps "is this pixel empty?" a simple comparison.
     */
    public static final int BACKGROUND = 0xFF15181B;
    /** Frustum colour of Rerun's dark theme, #9F9F9F, as {@code 0xAARRGGBB}. */
    public static final int FRUSTUM_COLOR = 0xFF9F9F9F;
    /** A dim grey for the ground grid, {@code 0xAARRGGBB}. */
    public static final int GRID_COLOR = 0xFF3A3F44;

    private final int width;
    private final int height;
    private final Camera3D camera;
    private final int[] pixels;
    private final float[] depth;
    private int background = BACKGROUND;

    // Camera basis and projection, cached as doubles once per picture.
    private final double ex, ey, ez, rx, ry, rz, ux, uy, uz, fx, fy, fz, focal, halfW, halfH;

    /** A cleared {@code width x height} picture seen from {@code camera}. */
    public SoftwareRasterizer(int width, int height, Camera3D camera) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bad picture size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.camera = camera;
        this.pixels = new int[width * height];
        this.depth = new float[width * height];
        Vec3 e = camera.eye(), r = camera.right(), u = camera.trueUp(), f = camera.forward();
        ex = e.x(); ey = e.y(); ez = e.z();
        rx = r.x(); ry = r.y(); rz = r.z();
        ux = u.x(); uy = u.y(); uz = u.z();
        fx = f.x(); fy = f.y(); fz = f.z();
        focal = camera.focalPixels(height);
        halfW = width / 2.0;
        halfH = height / 2.0;
        clear();
    }

    /** Sets the background ({@code 0xAARRGGBB}) and clears. */
    public SoftwareRasterizer background(int argb) {
        this.background = argb;
        clear();
        return this;
    }

    /** Fills with the background and empties the z-buffer. */
    public void clear() {
        Arrays.fill(pixels, background);
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
    }

    /** Picture width in pixels. */
    public int width() {
        return width;
    }

    /** Picture height in pixels. */
    public int height() {
        return height;
    }

    /** The eye. */
    public Camera3D camera() {
        return camera;
    }

    /** A copy of the picture, {@code 0xAARRGGBB}, row-major. */
    public int[] argb() {
        return pixels.clone();
    }

    /** Pixel {@code (x, y)}, {@code 0xAARRGGBB}. */
    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Depth along the view direction at pixel {@code (x, y)}; +inf where nothing was drawn. */
    public float depthAt(int x, int y) {
        return depth[y * width + x];
    }

    /**
     * Draws every point of {@code cloud} as a sphere of its radius; {@code argb} holds one
     * {@code 0xAARRGGBB} colour per point or a single colour for all. Points with alpha 0 are not drawn.
     */
    public void drawPoints(PointCloud cloud, int[] argb) {
        int n = cloud.count();
        if (argb.length != 1 && argb.length < n) {
            throw new IllegalArgumentException("argb has " + argb.length + " colours for " + n + " points");
        }
        float[] xyz = cloud.xyz();
        float[] radii = cloud.radii();
        for (int i = 0; i < n; i++) {
            int c = argb.length == 1 ? argb[0] : argb[i];
            if (Argb.alpha(c) == 0) {
                continue;
            }
            drawSphere(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], radii[i], opaque(c));
        }
    }

    /** One sphere: a disc of the projected radius whose depth follows the sphere's front surface. */
    private void drawSphere(double px, double py, double pz, double radius, int argb) {
        double dx = px - ex, dy = py - ey, dz = pz - ez;
        double zc = dx * fx + dy * fy + dz * fz;
        if (zc < Camera3D.NEAR) {
            return;
        }
        double sx = halfW + focal * (dx * rx + dy * ry + dz * rz) / zc;
        double sy = halfH - focal * (dx * ux + dy * uy + dz * uz) / zc;
        double rpx = focal * radius / zc;
        if (!(rpx < 4 * (width + height))) { // NaN or absurdly large: a sphere around the eye
            return;
        }
        if (rpx < 0.70710678) {
            // Smaller than a pixel's half-diagonal: may miss every pixel centre; keep it visible as one pixel.
            plot((int) Math.floor(sx), (int) Math.floor(sy), (float) (zc - radius), argb);
            return;
        }
        int x0 = Math.max(0, (int) Math.floor(sx - rpx)), x1 = Math.min(width - 1, (int) Math.ceil(sx + rpx));
        int y0 = Math.max(0, (int) Math.floor(sy - rpx)), y1 = Math.min(height - 1, (int) Math.ceil(sy + rpx));
        double r2 = rpx * rpx;
        for (int y = y0; y <= y1; y++) {
            double oy = y + 0.5 - sy;
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double ox = x + 0.5 - sx;
                double d2 = ox * ox + oy * oy;
                if (d2 > r2) {
                    continue;
                }
                float z = (float) (zc - radius * Math.sqrt(1 - d2 / r2));
                int k = row + x;
                if (z < depth[k]) {
                    depth[k] = z;
                    pixels[k] = argb;
                }
            }
        }
    }

    private void plot(int x, int y, float z, int argb) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int k = y * width + x;
        if (z < depth[k]) {
            depth[k] = z;
            pixels[k] = argb;
        }
    }

    /**
     * Draws each segment one pixel wide in colour {@code argb} ({@code 0xAARRGGBB}), depth-tested; nothing
     * if its alpha is 0.
     */
    public void drawLines(LineSegments lines, int argb) {
        if (Argb.alpha(argb) == 0) {
            return;
        }
        argb = opaque(argb);
        float[] p = lines.xyz();
        for (int i = 0; i < lines.count(); i++) {
            drawSegment(p[6 * i], p[6 * i + 1], p[6 * i + 2], p[6 * i + 3], p[6 * i + 4], p[6 * i + 5], argb);
        }
    }

    private void drawSegment(double ax, double ay, double az, double bx, double by, double bz, int argb) {
        // To camera space (right, up, forward).
        double[] a = toCamera(ax, ay, az), b = toCamera(bx, by, bz);
        double near = Camera3D.NEAR;
        if (a[2] < near && b[2] < near) {
            return;
        }
        if (a[2] < near || b[2] < near) { // clip against the near plane in 3D (before the divide)
            double t = (near - a[2]) / (b[2] - a[2]);
            double[] c = {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), near};
            if (a[2] < near) a = c; else b = c;
        }
        double sx0 = halfW + focal * a[0] / a[2], sy0 = halfH - focal * a[1] / a[2];
        double sx1 = halfW + focal * b[0] / b[2], sy1 = halfH - focal * b[1] / b[2];
        double iz0 = 1 / a[2], iz1 = 1 / b[2]; // 1/z is linear in screen space
        // Clip to the picture (Liang-Barsky) so far-off segments cost nothing.
        double t0 = 0, t1 = 1, ddx = sx1 - sx0, ddy = sy1 - sy0;
        double[][] planes = {{-ddx, sx0 + 1}, {ddx, width + 1 - sx0}, {-ddy, sy0 + 1}, {ddy, height + 1 - sy0}};
        for (double[] pl : planes) {
            if (pl[0] == 0) {
                if (pl[1] < 0) return;
            } else {
                double t = pl[1] / pl[0];
                if (pl[0] < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
            }
        }
        if (t0 > t1) {
            return;
        }
        double len = Math.max(Math.abs(ddx), Math.abs(ddy)) * (t1 - t0);
        int steps = Math.max(1, (int) Math.ceil(len));
        for (int s = 0; s <= steps; s++) {
            double t = t0 + (t1 - t0) * s / steps;
            double z = 1 / (iz0 + t * (iz1 - iz0));
            // Slight bias: a line lying on a surface (the grid under a cloud) should still show.
            plot((int) Math.floor(sx0 + t * ddx), (int) Math.floor(sy0 + t * ddy), (float) (z * (1 - 1e-4)), argb);
        }
    }

    private double[] toCamera(double px, double py, double pz) {
        double dx = px - ex, dy = py - ey, dz = pz - ez;
        return new double[] {dx * rx + dy * ry + dz * rz, dx * ux + dy * uy + dz * uz, dx * fx + dy * fy + dz * fz};
    }

    /**
     * A square grid through the origin, perpendicular to the scene's up axis (Z for RFU), with lines every
     * {@code spacing} units out to {@code halfLines * spacing} in each direction, in colour {@code argb}
     * ({@code 0xAARRGGBB}).
     */
    public void drawGrid(ViewCoordinates sceneAxes, double spacing, int halfLines, int argb) {
        drawGrid(sceneAxes, Vec3.ZERO, spacing, halfLines, argb);
    }

    /**
     * The same grid centred on {@code centre} (which also sets the plane's height), e.g. under the scene.
     */
    public void drawGrid(ViewCoordinates sceneAxes, Vec3 centre, double spacing, int halfLines, int argb) {
        Vec3 right = ViewBasis.direction(sceneAxes, ViewDir.RIGHT);
        Vec3 fwd = ViewBasis.direction(sceneAxes, ViewDir.FORWARD);
        double extent = halfLines * spacing;
        Vec3[] ends = new Vec3[4 * (2 * halfLines + 1)];
        int k = 0;
        for (int i = -halfLines; i <= halfLines; i++) {
            Vec3 offR = centre.plus(right.times(i * spacing)), offF = centre.plus(fwd.times(i * spacing));
            ends[k++] = offR.minus(fwd.times(extent));
            ends[k++] = offR.plus(fwd.times(extent));
            ends[k++] = offF.minus(right.times(extent));
            ends[k++] = offF.plus(right.times(extent));
        }
        drawLines(LineSegments.of(ends), argb);
    }

    /** World axes from the origin, {@code length} long: X red, Y green, Z blue (Rerun's convention). */
    public void drawAxes(double length) {
        drawLines(LineSegments.of(Vec3.ZERO, new Vec3(length, 0, 0)), 0xFFFF4040);
        drawLines(LineSegments.of(Vec3.ZERO, new Vec3(0, length, 0)), 0xFF40FF40);
        drawLines(LineSegments.of(Vec3.ZERO, new Vec3(0, 0, length)), 0xFF4080FF);
    }

    /** Same colour, fully opaque: the rasterizer does not blend. */
    private static int opaque(int argb) {
        return Argb.pack(Argb.red(argb), Argb.green(argb), Argb.blue(argb), 255);
    }
}

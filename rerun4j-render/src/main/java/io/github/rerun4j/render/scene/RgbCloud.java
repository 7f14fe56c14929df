package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.ColorTexels;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.sdk.archetypes.Image;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * RGB-coloured depth clouds, a rerun4j extension that Rerun does not have (it always colormaps the cloud): each
 * point takes the on-screen colour of the colour image's texel that looks at the same pixel. This is the
 * <em>registered</em> case, colour and depth under the same Pinhole (a RealSense "aligned" stream, ROS
 * {@code depth_registered}), in the Pinhole's pixel space:
 *
 * <ul>
 *   <li>same size: depth pixel {@code (x, y)} takes colour texel {@code (x, y)} exactly (integers only);</li>
 *   <li>different size with the same aspect (within 1 %): the same field of view is assumed (auto-fit), texel
 *       {@code (floor((x + 0.5)·Wc/Wd), floor((y + 0.5)·Hc/Hd))};</li>
 *   <li>different aspect: top-left aligned as Rerun's 2D overlay shows them, texel {@code (x, y)}; points outside
 *       the colour image keep their colormap colour.</li>
 * </ul>
 *
 * The <em>unregistered</em> case ({@link #unregistered}): a colour camera with its own Pinhole and transforms
 * (a Kinect's RGB sensor beside its depth sensor). Each point's world position goes into the colour camera's RDF
 * frame ({@code q = worldFromRdf⁻¹ · p}); behind it ({@code q_z ≤ 0}) it stays uncoloured, else it projects with
 * the colour Pinhole ({@code u = fx·q_x/q_z + cx}, integer = texel centre) onto texel
 * {@code (⌊u + 0.5⌋, ⌊v + 0.5⌋)}. With the occlusion test, a first pass keeps the nearest {@code q_z} per texel and
 * a point more than {@code max(1 cm, 1 %)} behind it stays uncoloured (what ROS's depth registration does).
 *
 * <p>Positions and radii never change, and uncoloured points keep their colormap colour, so the cloud never loses
 * points. Colours are opaque (alpha and opacity are ignored). Not covered: transforms logged on the colour image
 * entity itself (between it and its Pinhole). An {@code EncodedImage} source arrives here decoded
 * ({@link RgbCloudSource.Decoder}).
 *
 * <pre>{@code
 * RgbCloud.Result rgb = RgbCloud.registered(cloud, colourImage);
 * int[] argb = rgb.cloud().argb();     // per point, colour image or colormap
 * }</pre>
 */
public final class RgbCloud {

    private RgbCloud() {
    }

    /** How the colour image was fitted to the depth image. */
    public enum Fit {
        /** Same size: texel (x, y). */
        SAME_SIZE,
        /** Same aspect, other size: scaled to the depth image. */
        AUTO_FITTED,
        /** Other aspect: top-left aligned, without scaling. */
        TOP_LEFT,
        /** Another Pinhole: each point projected into the colour camera. */
        UNREGISTERED
    }

    /**
     * A recoloured cloud.
     *
     * @param cloud    the same points with per-point colours
     * @param fit      how the colour image was mapped
     * @param coloured how many points took a colour texel (the others keep the colormap)
     */
    public record Result(DepthCloud cloud, Fit fit, int coloured) {
    }

    /** How a {@code wc x hc} colour image is fitted to a {@code wd x hd} depth image (the rules above). */
    public static Fit fit(int wd, int hd, int wc, int hc) {
        return wc == wd && hc == hd ? Fit.SAME_SIZE
                : Math.abs((double) wc / wd - (double) hc / hd) <= 0.01 * Math.max((double) wc / wd, (double) hc / hd)
                ? Fit.AUTO_FITTED : Fit.TOP_LEFT;
    }

    /** Colours {@code cloud} from {@code colour}, registered (both under the cloud's Pinhole). */
    public static Result registered(DepthCloud cloud, Image colour) {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(colour, "colour");
        int wd = cloud.points().imageWidth();
        int hd = cloud.points().imageHeight();
        int wc = colour.width();
        int hc = colour.height();
        Fit fit = fit(wd, hd, wc, hc);
        IntUnaryOperator texels = ColorTexels.lookup(colour);
        int[] argb = cloud.argb().clone();
        int coloured = 0;
        if (fit == Fit.SAME_SIZE) {
            // texel (x, y) is pixel (x, y): the point's pixel index is the texel's index
            int[] pixels = cloud.points().pixelIndex();
            for (int i = 0; i < argb.length; i++) {
                argb[i] = opaque(texels.applyAsInt(pixels[i]));
            }
            return new Result(new DepthCloud(cloud.points(), argb, cloud.camera()), fit, argb.length);
        }
        for (int i = 0; i < argb.length; i++) {
            int texel = texel(fit, cloud.points().pixelX(i), cloud.points().pixelY(i), wd, hd, wc, hc);
            if (texel < 0) {
                continue;
            }
            argb[i] = opaque(texels.applyAsInt(texel));
            coloured++;
        }
        return new Result(new DepthCloud(cloud.points(), argb, cloud.camera()), fit, coloured);
    }

    /**
     * The row-major index of the colour texel that registered depth pixel {@code (x, y)} takes, or -1 when it lies
     * outside the colour image (the point keeps its colormap colour). A depth image {@code wd x hd}, a colour image
     * {@code wc x hc}, mapped as {@code fit} says ({@link #fit}).
     */
    public static int texel(Fit fit, int x, int y, int wd, int hd, int wc, int hc) {
        int tx = x;
        int ty = y;
        if (fit == Fit.AUTO_FITTED) {
            tx = (int) Math.floor((x + 0.5) * wc / wd);
            ty = (int) Math.floor((y + 0.5) * hc / hd);
        }
        return tx < 0 || ty < 0 || tx >= wc || ty >= hc ? -1 : ty * wc + tx;
    }

    /**
     * Colours {@code cloud} from {@code colour} seen by another camera, {@code colourCamera} (its Pinhole and where
     * it sits in the world); with {@code occlusion}, points hidden from the colour camera by nearer ones keep their
     * colormap colour.
     */
    public static Result unregistered(DepthCloud cloud, Image colour, PinholeCamera colourCamera, boolean occlusion) {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(colour, "colour");
        int[] texel = unregisteredTexels(cloud.points(), colour.width(), colour.height(), colourCamera, occlusion);
        IntUnaryOperator texels = ColorTexels.lookup(colour);
        int[] argb = cloud.argb().clone();
        int coloured = 0;
        for (int i = 0; i < texel.length; i++) {
            if (texel[i] >= 0) {
                argb[i] = opaque(texels.applyAsInt(texel[i]));
                coloured++;
            }
        }
        return new Result(new DepthCloud(cloud.points(), argb, cloud.camera()), Fit.UNREGISTERED, coloured);
    }

    /**
     * The unregistered mapping itself, shared by {@link #unregistered} and the viewer (which colours the page's
     * cloud and its hover from it): per point of {@code points}, the row-major index of the texel of a
     * {@code wc x hc} colour image seen by {@code colourCamera} that it takes, or -1 when it stays uncoloured
     * (behind the colour camera, outside its image, or hidden with {@code occlusion}).
     */
    public static int[] unregisteredTexels(PointCloud points, int wc, int hc, PinholeCamera colourCamera,
                                           boolean occlusion) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(colourCamera, "colourCamera");
        double[] m = colourCamera.worldFromRdf().inverse().toRowMajor3x4();
        double fx = colourCamera.pinhole().focalLengthX();
        double fy = colourCamera.pinhole().focalLengthY();
        double cx = colourCamera.pinhole().principalPoint().x();
        double cy = colourCamera.pinhole().principalPoint().y();
        int n = points.count();
        int[] texel = new int[n];      // texel index, -1: uncoloured
        float[] qz = new float[n];
        for (int i = 0; i < n; i++) {
            double x = points.x(i);
            double y = points.y(i);
            double z = points.z(i);
            double qx = m[0] * x + m[1] * y + m[2] * z + m[3];
            double qy = m[4] * x + m[5] * y + m[6] * z + m[7];
            double qzi = m[8] * x + m[9] * y + m[10] * z + m[11];
            texel[i] = -1;
            if (!(qzi > 0)) {
                continue;
            }
            double tx = Math.floor(fx * qx / qzi + cx + 0.5);
            double ty = Math.floor(fy * qy / qzi + cy + 0.5);
            if (tx >= 0 && ty >= 0 && tx < wc && ty < hc) {
                texel[i] = (int) ty * wc + (int) tx;
                qz[i] = (float) qzi;
            }
        }
        if (occlusion) {
            float[] nearest = new float[wc * hc];
            Arrays.fill(nearest, Float.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                if (texel[i] >= 0 && qz[i] < nearest[texel[i]]) {
                    nearest[texel[i]] = qz[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (texel[i] >= 0 && qz[i] - nearest[texel[i]] > Math.max(0.01, 0.01 * qz[i])) {
                    texel[i] = -1;
                }
            }
        }
        return texel;
    }

    /** Points are opaque: the texel's alpha (and the image's opacity) does not apply. */
    private static int opaque(int argb) {
        return argb | 0xFF000000;
    }
}

package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.ColorTexels;
import io.github.rerun4j.sdk.archetypes.Image;

import java.util.Objects;

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
 * Positions and radii never change, and uncoloured points keep their colormap colour, so the cloud never loses
 * points. Colours are opaque (alpha and opacity are ignored). Not covered: transforms logged on the colour image,
 * colour images under another Pinhole (unregistered pairs), and {@code EncodedImage} sources.
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
        TOP_LEFT
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
        int[] texels = ColorTexels.of(colour);
        int[] argb = cloud.argb().clone();
        int coloured = 0;
        for (int i = 0; i < argb.length; i++) {
            int x = cloud.points().pixelX(i);
            int y = cloud.points().pixelY(i);
            int tx;
            int ty;
            if (fit == Fit.AUTO_FITTED) {
                tx = (int) Math.floor((x + 0.5) * wc / wd);
                ty = (int) Math.floor((y + 0.5) * hc / hd);
            } else {
                tx = x;
                ty = y;
            }
            if (tx < 0 || ty < 0 || tx >= wc || ty >= hc) {
                continue;
            }
            int t = texels[ty * wc + tx];
            argb[i] = Argb.pack(Argb.red(t), Argb.green(t), Argb.blue(t), 255);
            coloured++;
        }
        return new Result(new DepthCloud(cloud.points(), argb, cloud.camera()), fit, coloured);
    }
}

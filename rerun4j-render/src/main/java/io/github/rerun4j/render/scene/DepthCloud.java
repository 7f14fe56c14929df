package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.colormap.Colormaps;
import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.EffectiveDepthImage;
import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;

/**
 * What Rerun's 3D view draws for a depth image under a pinhole: the back-projected points in world space,
 * each colored by the depth image's colormap over its (effective or overridden) range.
 *
 * <pre>{@code
 * DepthCloud cloud = DepthCloud.of(depthImage, camera, RenderOverrides.NONE);
 * cloud.points().count();   // 60000 for the depth_image_3d snippet
 * }</pre>
 *
 * @param points the points, radii and normalised values
 * @param argb   one 0xAARRGGBB color per point
 * @param camera the pinhole the image was projected through
 */
public record DepthCloud(PointCloud points, int[] argb, PinholeCamera camera) {

    /** The cloud of {@code image} through {@code camera}, settings resolved by {@link EffectiveDepthImage}. */
    public static DepthCloud of(DepthImage image, PinholeCamera camera, RenderOverrides overrides) {
        EffectiveDepthImage effective = EffectiveDepthImage.of(image, overrides);
        DepthRange range = effective.range();
        Colormap colormap = effective.colormap();
        PointCloud points = BackProjection.project(image, camera, range.min(), range.max());
        float[] t = points.t();
        int[] argb = new int[points.count()];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = Colormaps.argb(colormap, t[i]);
        }
        return new DepthCloud(points, argb, camera);
    }
}

package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.Frustum;
import io.github.rerun4j.render.projection.LineSegments;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.render.raster3d.SoftwareRasterizer;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;

/**
 * A headless 3D view of a depth cloud: ground grid, world axes, the points as z-buffered discs and the
 * pinhole frustum, seen from Rerun's default eye direction for the scene axes. Unlike Rerun 0.33 (whose
 * default camera leaves the depth cloud out of the framed box), the whole cloud and frustum are framed.
 *
 * <pre>{@code
 * int[] argb = View3D.render(cloud, ViewCoordinates.RFU, 1024, 768);
 * }</pre>
 */
public final class View3D {

    private View3D() {
    }

    /** 0xAARRGGBB pixels, row-major. {@code sceneAxes}: a ViewCoordinates logged on the root, else RFU (Z up). */
    public static int[] render(DepthCloud cloud, ViewCoordinates sceneAxes, int width, int height) {
        Bounds bounds = cloud.points().bounds();
        double distance = Frustum.imagePlaneDistance(cloud.camera().pinhole(), bounds);
        LineSegments frustum = Frustum.lines(cloud.camera().pinhole(), cloud.camera().worldFromCamera(), distance);
        for (int i = 0; i < frustum.count(); i++) {
            bounds = bounds.including(frustum.start(i)).including(frustum.end(i));
        }
        SoftwareRasterizer raster = new SoftwareRasterizer(width, height, Camera3D.framing(bounds, sceneAxes));
        double extent = Math.max(1, bounds.halfSize().length());
        double spacing = Math.pow(10, Math.floor(Math.log10(extent)));
        raster.drawGrid(sceneAxes, spacing, (int) Math.ceil(2 * extent / spacing), SoftwareRasterizer.GRID_COLOR);
        raster.drawAxes(spacing);
        raster.drawPoints(cloud.points(), cloud.argb());
        raster.drawLines(frustum, SoftwareRasterizer.FRUSTUM_COLOR);
        return raster.argb();
    }
}

package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.CloudBounds;
import io.github.rerun4j.render.projection.Frustum;
import io.github.rerun4j.render.projection.LineSegments;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.projection.ViewBasis;
import io.github.rerun4j.render.raster3d.Camera3D;
import io.github.rerun4j.render.raster3d.SoftwareRasterizer;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.ViewDir;

/**
 * A headless 3D view of a depth cloud: ground grid, world axes, the points as z-buffered discs and the
 * pinhole frustum, seen from Rerun's default eye direction for the scene axes. Unlike Rerun 0.33 (whose
 * default camera leaves the depth cloud out of the framed box), the cloud is framed, on its robust box
 * ({@link CloudBounds#robust(io.github.rerun4j.render.projection.PointCloud)}: a few far outliers do not
 * shrink the scene to a speck), always with the camera and its frustum. The grid lies under the framed box,
 * centred on it.
 *
 * <pre>{@code
 * int[] argb = View3D.render(cloud, ViewCoordinates.RFU, 1024, 768);
 * Camera3D eye = View3D.defaultCamera(cloud, ViewCoordinates.RFU).withEye(new Vec3(0, -5, 2));
 * int[] mine = View3D.render(cloud, ViewCoordinates.RFU, 1024, 768, eye);
 * }</pre>
 */
public final class View3D {

    private View3D() {
    }

    /** 0xAARRGGBB pixels, row-major. {@code sceneAxes}: a ViewCoordinates logged on the root, else RFU (Z up). */
    public static int[] render(DepthCloud cloud, ViewCoordinates sceneAxes, int width, int height) {
        return render(cloud, sceneAxes, width, height, null);
    }

    /** As {@link #render(DepthCloud, ViewCoordinates, int, int)} seen from {@code camera} (null: the default eye). */
    public static int[] render(DepthCloud cloud, ViewCoordinates sceneAxes, int width, int height, Camera3D camera) {
        Bounds cloudBox = CloudBounds.robust(cloud.points());
        LineSegments frustum = frustum(cloud, cloudBox);
        Bounds bounds = framingBounds(cloud, cloudBox, frustum);
        Camera3D eye = camera != null ? camera : Camera3D.framing(bounds, sceneAxes);
        SoftwareRasterizer raster = new SoftwareRasterizer(width, height, eye);
        double extent = Math.max(1, bounds.halfSize().length());
        double spacing = Math.pow(10, Math.floor(Math.log10(extent)));
        raster.drawGrid(sceneAxes, gridCentre(bounds, sceneAxes), spacing, (int) Math.ceil(2 * extent / spacing),
                SoftwareRasterizer.GRID_COLOR);
        raster.drawAxes(spacing);
        raster.drawPoints(cloud.points(), cloud.argb());
        raster.drawLines(frustum, SoftwareRasterizer.FRUSTUM_COLOR);
        return raster.argb();
    }

    /** Rerun's default eye for the box {@link #render} frames. */
    public static Camera3D defaultCamera(DepthCloud cloud, ViewCoordinates sceneAxes) {
        return Camera3D.framing(framingBounds(cloud), sceneAxes);
    }

    /** The framed box: the cloud's robust box, the camera origin and the frustum. */
    public static Bounds framingBounds(DepthCloud cloud) {
        Bounds cloudBox = CloudBounds.robust(cloud.points());
        return framingBounds(cloud, cloudBox, frustum(cloud, cloudBox));
    }

    private static Bounds framingBounds(DepthCloud cloud, Bounds cloudBox, LineSegments frustum) {
        Bounds bounds = cloudBox.including(cloud.camera().worldFromCamera().transformPoint(Vec3.ZERO));
        for (int i = 0; i < frustum.count(); i++) {
            bounds = bounds.including(frustum.start(i)).including(frustum.end(i));
        }
        return bounds;
    }

    /**
     * Where the grid is centred: below the box's centre, on the plane through the box's lowest point along
     * the scene's up axis (the origin for an empty box).
     */
    public static Vec3 gridCentre(Bounds bounds, ViewCoordinates sceneAxes) {
        if (bounds.isEmpty() || !bounds.center().isFinite()) {
            return Vec3.ZERO;
        }
        Vec3 up = ViewBasis.direction(sceneAxes, ViewDir.UP);
        Vec3 c = bounds.center();
        double lowest = Math.min(bounds.min().dot(up), bounds.max().dot(up));
        // Corners of an axis-aligned box along an axis-aligned up: min or max holds the lowest value.
        return c.minus(up.times(c.dot(up) - lowest));
    }

    private static LineSegments frustum(DepthCloud cloud, Bounds cloudBox) {
        // The image plane distance follows the robust box too: outliers should not blow up the frustum.
        double distance = Frustum.imagePlaneDistance(cloud.camera().pinhole(), cloudBox);
        return Frustum.lines(cloud.camera().pinhole(), cloud.camera().worldFromCamera(), distance);
    }
}

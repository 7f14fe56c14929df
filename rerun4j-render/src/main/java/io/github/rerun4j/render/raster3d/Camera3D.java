package io.github.rerun4j.render.raster3d;

import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.projection.ViewBasis;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.ViewDir;

/**
 * A perspective eye for the software rasterizer: position, look-at target, up direction and vertical
 * field of view (radians).
 *
 * <p>{@link #framing(Bounds)} reproduces the default eye of Rerun's 3D view ({@code default_eye} in
 * {@code crates/viewer/re_view_spatial/src/ui_3d.rs}, read from the Rerun repository; not in
 * docs/semantics.md): orbit centre = box centre, distance = 1.5 x half the box diagonal (1 if that is 0 or
 * not finite), looking along {@code 0.75 forward + 0.25 right - 0.25 up} of the scene axes (RFU = X right,
 * Y forward, Z up, when the scene has no ViewCoordinates), field of view 55 degrees. That is: from behind,
 * a little to the left and slightly above. As in Rerun, corners of a large box may fall outside the picture.
 * Which box is framed is the caller's choice: rerun4j includes the depth cloud, as Rerun 0.36 does (0.33
 * frames only the camera and its frustum, docs/semantics.md §5.5).
 *
 * <pre>{@code
 * Camera3D eye = Camera3D.framing(cloud.bounds().including(Vec3.ZERO));
 * Camera3D through = Camera3D.throughPinhole(pinhole, camera.worldFromRdf());
 * }</pre>
 *
 * @param eye         where the eye is
 * @param target      the point looked at (must differ from {@code eye})
 * @param up          approximate up direction (must not be parallel to the view direction)
 * @param fovYRadians vertical field of view, in (0, pi)
 */
public record Camera3D(Vec3 eye, Vec3 target, Vec3 up, double fovYRadians) {

    /** Rerun's default vertical field of view: 55 degrees. */
    public static final double DEFAULT_FOV_Y = Math.toRadians(55);

    /** Near clipping distance (Rerun's perspective eye uses 0.01; the far plane is at infinity). */
    public static final double NEAR = 0.01;

    /** Validates the geometry. */
    public Camera3D {
        if (!eye.isFinite() || !target.isFinite() || !up.isFinite()) {
            throw new IllegalArgumentException("non-finite camera: eye " + eye + ", target " + target + ", up " + up);
        }
        Vec3 f = target.minus(eye);
        if (f.length() == 0) {
            throw new IllegalArgumentException("eye and target coincide: " + eye);
        }
        if (f.normalized().cross(up.normalized()).length() < 1e-9) {
            throw new IllegalArgumentException("up " + up + " is parallel to the view direction " + f);
        }
        if (!(fovYRadians > 0 && fovYRadians < Math.PI)) {
            throw new IllegalArgumentException("fovYRadians must be in (0, pi), got " + fovYRadians);
        }
    }

    /** Rerun's default eye for a scene box, with the scene axes RFU (Z up). */
    public static Camera3D framing(Bounds bounds) {
        return framing(bounds, ViewCoordinates.RFU);
    }

    /** Rerun's default eye for a scene box whose axes are {@code sceneAxes} (a root ViewCoordinates). */
    public static Camera3D framing(Bounds bounds, ViewCoordinates sceneAxes) {
        Vec3 center = bounds.isEmpty() ? Vec3.ZERO : bounds.center();
        if (!center.isFinite()) {
            center = Vec3.ZERO;
        }
        double radius = bounds.isEmpty() ? Double.NaN : 1.5 * bounds.halfSize().length();
        if (!Double.isFinite(radius) || radius == 0) {
            radius = 1;
        }
        Vec3 up = ViewBasis.direction(sceneAxes, ViewDir.UP);
        Vec3 right = ViewBasis.direction(sceneAxes, ViewDir.RIGHT);
        Vec3 forward = up.cross(right);
        Vec3 dir = forward.times(0.75).plus(right.times(0.25)).minus(up.times(0.25)).normalized();
        return new Camera3D(center.minus(dir.times(radius)), center, up, DEFAULT_FOV_Y);
    }

    /**
     * Looking through a pinhole camera, as Rerun does when you double-click its frustum: eye at the camera
     * origin, along its +Z (forward), image-up ({@code -y} in RDF) as up, and the Pinhole's vertical field of
     * view {@code 2 atan(res_h / (2 fy))}. The picture is centred on the optical axis, so it matches the
     * depth image pixel for pixel only when the principal point is the image centre.
     */
    public static Camera3D throughPinhole(Pinhole pinhole, Affine3 worldFromRdf) {
        Vec3 eye = worldFromRdf.transformPoint(Vec3.ZERO);
        Vec3 target = worldFromRdf.transformPoint(new Vec3(0, 0, 1));
        Vec3 up = worldFromRdf.transformVector(new Vec3(0, -1, 0));
        double resH = pinhole.resolution() != null ? pinhole.resolution().height() : 1;
        double fov = 2 * Math.atan(resH / (2 * Math.abs(pinhole.focalLengthY())));
        return new Camera3D(eye, target, up, fov);
    }

    /** Copy looking from {@code eye} (same target, up and field of view); validated like the constructor. */
    public Camera3D withEye(Vec3 eye) {
        return new Camera3D(eye, target, up, fovYRadians);
    }

    /** Copy looking at {@code target} (same eye, up and field of view); validated like the constructor. */
    public Camera3D withTarget(Vec3 target) {
        return new Camera3D(eye, target, up, fovYRadians);
    }

    /** Unit view direction. */
    public Vec3 forward() {
        return target.minus(eye).normalized();
    }

    /** Unit right vector of the picture. */
    public Vec3 right() {
        return forward().cross(up).normalized();
    }

    /** Unit up vector of the picture (orthogonal to forward). */
    public Vec3 trueUp() {
        return right().cross(forward());
    }

    /** Focal length in pixels for a picture {@code height} pixels tall. */
    public double focalPixels(int height) {
        return (height / 2.0) / Math.tan(fovYRadians / 2);
    }

    /**
     * Where {@code p} lands in a {@code width x height} picture: {@code {sx, sy, depth}} with pixel
     * {@code (i, j)} covering {@code [i, i+1) x [j, j+1)} and depth measured along the view direction
     * (null if {@code p} is closer than {@link #NEAR}).
     */
    public double[] project(Vec3 p, int width, int height) {
        Vec3 d = p.minus(eye);
        double zc = d.dot(forward());
        if (zc < NEAR) {
            return null;
        }
        double f = focalPixels(height);
        return new double[] {width / 2.0 + f * d.dot(right()) / zc, height / 2.0 - f * d.dot(trueUp()) / zc, zc};
    }
}

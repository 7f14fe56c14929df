package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.types.Resolution;

import java.util.ArrayList;
import java.util.List;

/**
 * The camera frustum Rerun draws for a {@link Pinhole} (docs/semantics.md §5.5, numbers in §8.3).
 *
 * <p>In RDF camera space, with {@code d} the image plane distance and
 * {@code unproject(u, v) = ((u - cx) d / fx, (v - cy) d / fy, d)}: four rays from the camera origin to
 * {@code unproject(0, 0)}, {@code (0, h)}, {@code (w, h)}, {@code (w, 0)} (w, h = the Pinhole resolution, not
 * w - 1), the rectangle through them, and an "up" triangle {@code (0.4w, 0)}, {@code (0.5w, -0.1w)},
 * {@code (0.6w, 0)}. Then {@code worldFromCamera * fromRdf(pinhole.camera_xyz)}; unlike the cloud, the
 * frustum ignores a ViewCoordinates fallback. No resolution means no frustum.
 *
 * <pre>{@code
 * Pinhole cam = Pinhole.fromFocalLengthAndResolution(200, 300, 200);
 * LineSegments lines = Frustum.lines(cam, Affine3.IDENTITY, 0.3);   // 11 segments
 * Frustum.corners(cam, Affine3.IDENTITY, 0.3).get(0);               // (-0.225, -0.15, 0.3)
 * }</pre>
 */
public final class Frustum {

    /** {@code image_plane_distance} when the scene box is empty, zero or infinite. */
    public static final double FALLBACK_IMAGE_PLANE_DISTANCE = 0.3;

    private Frustum() {
    }

    /** The 11 segments (4 rays, 4 rectangle edges, 3 triangle edges), or none without a resolution. */
    public static LineSegments lines(Pinhole pinhole, Affine3 worldFromCamera, double distance) {
        List<Vec3> c = corners(pinhole, worldFromCamera, distance);
        if (c.isEmpty()) {
            return LineSegments.EMPTY;
        }
        Resolution res = pinhole.resolution();
        Affine3 worldFromRdf = worldFromRdf(pinhole, worldFromCamera);
        Vec3 origin = worldFromRdf.transformPoint(Vec3.ZERO);
        float w = res.width();
        Vec3 t0 = worldFromRdf.transformPoint(unproject(pinhole, 0.4 * w, 0, distance));
        Vec3 apex = worldFromRdf.transformPoint(unproject(pinhole, 0.5 * w, -0.1 * w, distance));
        Vec3 t1 = worldFromRdf.transformPoint(unproject(pinhole, 0.6 * w, 0, distance));
        return LineSegments.of(
                origin, c.get(0), origin, c.get(1), origin, c.get(2), origin, c.get(3),
                c.get(0), c.get(1), c.get(1), c.get(2), c.get(2), c.get(3), c.get(3), c.get(0),
                t0, apex, apex, t1, t1, t0);
    }

    /**
     * The image-plane corners in world space, in the order {@code (0,0), (0,h), (w,h), (w,0)}; empty if the
     * Pinhole has no resolution.
     */
    public static List<Vec3> corners(Pinhole pinhole, Affine3 worldFromCamera, double distance) {
        Resolution res = pinhole.resolution();
        if (res == null) {
            return List.of();
        }
        Affine3 worldFromRdf = worldFromRdf(pinhole, worldFromCamera);
        double w = res.width(), h = res.height();
        List<Vec3> out = new ArrayList<>(4);
        for (double[] uv : new double[][] {{0, 0}, {0, h}, {w, h}, {w, 0}}) {
            out.add(worldFromRdf.transformPoint(unproject(pinhole, uv[0], uv[1], distance)));
        }
        return out;
    }

    /**
     * The viewer's default {@code image_plane_distance}: {@code 0.02 * diagonal} of the scene box, or
     * {@link #FALLBACK_IMAGE_PLANE_DISTANCE} if that box is empty, zero or not finite.
     */
    public static double defaultImagePlaneDistance(Bounds sceneBounds) {
        double diag = sceneBounds.isEmpty() ? Double.NaN : sceneBounds.diagonal();
        return Double.isFinite(diag) && diag > 0 ? 0.02 * diag : FALLBACK_IMAGE_PLANE_DISTANCE;
    }

    /** The logged {@code image_plane_distance} if any, else {@link #defaultImagePlaneDistance}. */
    public static double imagePlaneDistance(Pinhole pinhole, Bounds sceneBounds) {
        return pinhole.imagePlaneDistance() != null ? pinhole.imagePlaneDistance()
                : defaultImagePlaneDistance(sceneBounds);
    }

    private static Affine3 worldFromRdf(Pinhole pinhole, Affine3 worldFromCamera) {
        return worldFromCamera.multiply(ViewBasis.fromRdf(pinhole.cameraXyz()));
    }

    private static Vec3 unproject(Pinhole p, double u, double v, double d) {
        double fx = p.focalLengthX(), fy = p.focalLengthY();
        double cx = p.imageFromCamera().get(0, 2), cy = p.imageFromCamera().get(1, 2);
        return new Vec3((u - cx) * d / fx, (v - cy) * d / fy, d);
    }
}

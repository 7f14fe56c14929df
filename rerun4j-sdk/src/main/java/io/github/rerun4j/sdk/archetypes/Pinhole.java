package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.Color;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.Require;
import io.github.rerun4j.sdk.types.Resolution;
import io.github.rerun4j.sdk.types.Vec2D;
import org.jspecify.annotations.Nullable;

/**
 * A pinhole camera: the intrinsics that project the entity's 3D camera space onto a 2D image; archetype
 * {@code rerun.archetypes.Pinhole}. A {@link DepthImage} logged on a child entity is back-projected
 * through it.
 *
 * <p>The projection {@code K = [[fx, 0, cx], [0, fy, cy], [0, 0, 1]]} is stored column-major:
 * {@code [fx, 0, 0, 0, fy, 0, cx, cy, 1]}. The camera looks along +Z of {@link #cameraXyz} (default
 * {@link ViewCoordinates#RDF}).
 *
 * <pre>{@code
 * Pinhole cam = Pinhole.fromFocalLengthAndResolution(200, 300, 200);  // principal point (150, 100)
 * cam.imageFromCamera().columnMajor();   // {200, 0, 0, 0, 200, 0, 150, 100, 1}
 * Pinhole gl = cam.withCameraXyz(ViewCoordinates.RUB).withImagePlaneDistance(0.5);
 * }</pre>
 *
 * @param imageFromCamera    the 3x3 projection; finite, fx and fy non-zero, invertible (required)
 * @param resolution         image size in pixels, or null
 * @param cameraXyz          camera axes convention, or null (= RDF)
 * @param childFrame         transform frame id of the camera, or null; non-blank if set
 * @param parentFrame        transform frame id of the parent, or null; non-blank if set
 * @param imagePlaneDistance distance of the drawn frustum's image plane, finite {@code > 0}, or null
 * @param color              frustum color, or null
 * @param lineWidth          frustum line width, finite (positive: scene units, negative: UI points), or null
 */
public record Pinhole(Mat3x3 imageFromCamera, @Nullable Resolution resolution, @Nullable ViewCoordinates cameraXyz,
                      @Nullable String childFrame, @Nullable String parentFrame, @Nullable Float imagePlaneDistance,
                      @Nullable Color color, @Nullable Float lineWidth) implements Archetype {

    /** Validates every field; see the record components. */
    public Pinhole {
        Require.nonNull("Pinhole.imageFromCamera", imageFromCamera);
        if (!imageFromCamera.isFinite()) {
            throw new InvalidArgumentException("Pinhole.imageFromCamera", imageFromCamera.toString(),
                    "finite elements");
        }
        if (imageFromCamera.get(0, 0) == 0 || imageFromCamera.get(1, 1) == 0
                || imageFromCamera.determinant() == 0) {
            throw new InvalidArgumentException("Pinhole.imageFromCamera", imageFromCamera.toString(),
                    "an invertible projection (focal lengths fx = [0][0] and fy = [1][1] non-zero)");
        }
        if (childFrame != null) {
            Require.nonBlank("Pinhole.childFrame", childFrame);
        }
        if (parentFrame != null) {
            Require.nonBlank("Pinhole.parentFrame", parentFrame);
        }
        if (imagePlaneDistance != null) {
            Require.finitePositive("Pinhole.imagePlaneDistance", imagePlaneDistance);
        }
        if (lineWidth != null) {
            Require.finite("Pinhole.lineWidth", lineWidth);
        }
    }

    /** A pinhole with only the projection set. */
    public static Pinhole fromImageFromCamera(Mat3x3 imageFromCamera) {
        return new Pinhole(imageFromCamera, null, null, null, null, null, null, null);
    }

    /**
     * Square pixels with focal length {@code focal} (pixels), principal point at the image centre
     * {@code (width/2, height/2)} as the official SDKs do, and the resolution set.
     */
    public static Pinhole fromFocalLengthAndResolution(double focal, double width, double height) {
        return fromFocalLengthAndResolution(focal, focal, width, height);
    }

    /** Focal lengths {@code fx}, {@code fy} (pixels), principal point at the image centre, resolution set. */
    public static Pinhole fromFocalLengthAndResolution(double fx, double fy, double width, double height) {
        float focalX = checkFocal("Pinhole.focalLengthX", fx);
        float focalY = checkFocal("Pinhole.focalLengthY", fy);
        Resolution resolution = Resolution.of(width, height);
        return new Pinhole(Mat3x3.fromRows(focalX, 0, resolution.width() / 2, 0, focalY, resolution.height() / 2,
                0, 0, 1), resolution, null, null, null, null, null, null);
    }

    /**
     * The usual camera intrinsics: focal lengths {@code fx}, {@code fy} and principal point {@code (cx, cy)} in
     * pixels (OpenCV's and ROS's {@code K = [[fx, 0, cx], [0, fy, cy], [0, 0, 1]]}) and the image size, which
     * should be the depth image's.
     *
     * <pre>{@code
     * Pinhole tum = Pinhole.fromIntrinsics(525.0, 525.0, 319.5, 239.5, 640, 480);
     * }</pre>
     */
    public static Pinhole fromIntrinsics(double fx, double fy, double cx, double cy, double width, double height) {
        float focalX = checkFocal("Pinhole.focalLengthX", fx);
        float focalY = checkFocal("Pinhole.focalLengthY", fy);
        float x = Require.toFiniteFloat("Pinhole.principalPoint.x", cx);
        float y = Require.toFiniteFloat("Pinhole.principalPoint.y", cy);
        return new Pinhole(Mat3x3.fromRows(focalX, 0, x, 0, focalY, y, 0, 0, 1), Resolution.of(width, height), null,
                null, null, null, null, null);
    }

    /**
     * From a vertical field of view (radians, in {@code (0, pi)}) and aspect ratio {@code width/height}, as
     * Python's {@code rr.Pinhole(fov_y=, aspect_ratio=)}: resolution {@code [aspect, 1]}, focal length
     * {@code 0.5 / tan(fovY / 2)}, principal point {@code (aspect/2, 0.5)}.
     */
    public static Pinhole fromFovAndAspectRatio(double fovY, double aspectRatio) {
        if (!Double.isFinite(fovY) || fovY <= 0 || fovY >= Math.PI) {
            throw new InvalidArgumentException("Pinhole.fovY", Double.toString(fovY),
                    "a finite angle in radians in (0, pi)");
        }
        Require.finitePositive("Pinhole.aspectRatio", Require.toFiniteFloat("Pinhole.aspectRatio", aspectRatio));
        double focal = 0.5 / Math.tan(Math.max(fovY * 0.5, 1.19209e-07));
        return fromFocalLengthAndResolution(focal, aspectRatio, 1);
    }

    /** Narrows a focal length, reporting the double itself if it is not finite, out of range or (as a float) 0. */
    private static float checkFocal(String field, double focal) {
        float f = (float) focal;
        if (!Double.isFinite(focal) || !Float.isFinite(f) || f == 0) {
            boolean representable = !Double.isFinite(focal) || focal == 0;
            throw new InvalidArgumentException(field, Double.toString(focal),
                    "a finite non-zero value" + (representable ? "" : " representable as a float") + " (pixels)");
        }
        return f;
    }

    // ---- withers ----------------------------------------------------------------------------------------

    /** Replaces the projection. */
    public Pinhole withImageFromCamera(Mat3x3 imageFromCamera) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    /** Moves the principal point to {@code (cx, cy)} pixels. */
    public Pinhole withPrincipalPoint(double cx, double cy) {
        float x = Require.toFiniteFloat("Pinhole.principalPoint.x", cx);
        float y = Require.toFiniteFloat("Pinhole.principalPoint.y", cy);
        return withImageFromCamera(imageFromCamera.with(0, 2, x).with(1, 2, y));
    }

    /** Sets the image size in pixels. */
    public Pinhole withResolution(double width, double height) {
        return withResolution(Resolution.of(width, height));
    }

    /** Sets or (with null) clears the resolution. */
    public Pinhole withResolution(@Nullable Resolution resolution) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    /** Sets or (with null) clears the camera axes convention, e.g. {@code ViewCoordinates.RUB} for OpenGL. */
    public Pinhole withCameraXyz(@Nullable ViewCoordinates cameraXyz) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    /** Sets or (with null) clears the camera's transform frame id. */
    public Pinhole withChildFrame(@Nullable String childFrame) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    /** Sets or (with null) clears the parent transform frame id. */
    public Pinhole withParentFrame(@Nullable String parentFrame) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    /** Distance of the drawn frustum's image plane from the camera (scene units). */
    public Pinhole withImagePlaneDistance(double distance) {
        float f = (float) distance;
        if (!(distance > 0) || !Float.isFinite(f) || f == 0) {
            throw new InvalidArgumentException("Pinhole.imagePlaneDistance", Double.toString(distance),
                    "a finite value > 0");
        }
        return withImagePlaneDistance(Float.valueOf(f));
    }

    /** Sets or (with null) clears the image plane distance. */
    public Pinhole withImagePlaneDistance(@Nullable Float distance) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, distance, color,
                lineWidth);
    }

    /** Sets or (with null) clears the frustum color. */
    public Pinhole withColor(@Nullable Color color) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    /** Frustum line width: positive in scene units, negative in UI points. */
    public Pinhole withLineWidth(double lineWidth) {
        return withLineWidth(Float.valueOf(Require.toFiniteFloat("Pinhole.lineWidth", lineWidth)));
    }

    /** Sets or (with null) clears the frustum line width. */
    public Pinhole withLineWidth(@Nullable Float lineWidth) {
        return new Pinhole(imageFromCamera, resolution, cameraXyz, childFrame, parentFrame, imagePlaneDistance,
                color, lineWidth);
    }

    // ---- accessors --------------------------------------------------------------------------------------

    /** {@code fx}, element [0][0]. */
    public float focalLengthX() {
        return imageFromCamera.get(0, 0);
    }

    /** {@code fy}, element [1][1]. */
    public float focalLengthY() {
        return imageFromCamera.get(1, 1);
    }

    /** {@code (cx, cy)}, elements [0][2] and [1][2]. */
    public Vec2D principalPoint() {
        return new Vec2D(imageFromCamera.get(0, 2), imageFromCamera.get(1, 2));
    }

    /** The camera convention the viewer uses: {@link #cameraXyz} or RDF when null. */
    public ViewCoordinates effectiveCameraXyz() {
        return cameraXyz == null ? ViewCoordinates.RDF : cameraXyz;
    }

    @Override
    public String archetypeName() {
        return "rerun.archetypes.Pinhole";
    }

    /** {@code Pinhole[f=(200.0, 200.0), principalPoint=(150.0, 100.0), resolution=[300.0, 200.0]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Pinhole[f=(").append(focalLengthX()).append(", ")
                .append(focalLengthY()).append("), principalPoint=").append(principalPoint());
        float skew = imageFromCamera.get(0, 1);
        boolean plain = skew == 0 && imageFromCamera.get(1, 0) == 0 && imageFromCamera.get(2, 0) == 0
                && imageFromCamera.get(2, 1) == 0 && imageFromCamera.get(2, 2) == 1;
        if (!plain) sb.append(", imageFromCamera=").append(imageFromCamera);
        if (resolution != null) sb.append(", resolution=").append(resolution);
        if (cameraXyz != null) sb.append(", cameraXyz=").append(cameraXyz);
        if (childFrame != null) sb.append(", childFrame=").append(childFrame);
        if (parentFrame != null) sb.append(", parentFrame=").append(parentFrame);
        if (imagePlaneDistance != null) sb.append(", imagePlaneDistance=").append(imagePlaneDistance);
        if (color != null) sb.append(", color=").append(color);
        if (lineWidth != null) sb.append(", lineWidth=").append(lineWidth);
        return sb.append(']').toString();
    }
}

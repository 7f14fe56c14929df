package io.github.rerun4j.sdk.internal.codec;

import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.archetypes.DepthCloudColor;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Mat3x3;
import io.github.rerun4j.sdk.types.TransformRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Archetypes to component values (for logging) and back from a chunk row (for reading).
 *
 * <p>Reading is lenient as Rerun's viewer is: an optional component with an unexpected datatype, an
 * unknown enum code or a value the SDK would not write (a meter of 0, say) is left out of the typed
 * result, and stays available raw in the chunk's {@link ComponentColumn}.
 *
 * <pre>{@code
 * List<ComponentValue<?>> values = ArchetypeCodec.encode(depth);
 * Optional<DepthImage> back = ArchetypeCodec.readDepthImage(chunk, 0);
 * }</pre>
 */
public final class ArchetypeCodec {

    private ArchetypeCodec() {
    }

    // ---- descriptors (Rerun 0.33 identifiers and component types) ----

    public static final class DepthImageFields {
        public static final ComponentDescriptor BUFFER = ComponentDescriptor.of("DepthImage", "buffer", "ImageBuffer");
        public static final ComponentDescriptor FORMAT = ComponentDescriptor.of("DepthImage", "format", "ImageFormat");
        public static final ComponentDescriptor METER = ComponentDescriptor.of("DepthImage", "meter", "DepthMeter");
        public static final ComponentDescriptor COLORMAP = ComponentDescriptor.of("DepthImage", "colormap", "Colormap");
        public static final ComponentDescriptor DEPTH_RANGE = ComponentDescriptor.of("DepthImage", "depth_range", "ValueRange");
        public static final ComponentDescriptor POINT_FILL_RATIO = ComponentDescriptor.of("DepthImage", "point_fill_ratio", "FillRatio");
        public static final ComponentDescriptor DRAW_ORDER = ComponentDescriptor.of("DepthImage", "draw_order", "DrawOrder");
        public static final ComponentDescriptor MAGNIFICATION_FILTER = ComponentDescriptor.of("DepthImage", "magnification_filter", "MagnificationFilter");

        private DepthImageFields() {
        }
    }

    public static final class ImageFields {
        public static final ComponentDescriptor BUFFER = ComponentDescriptor.of("Image", "buffer", "ImageBuffer");
        public static final ComponentDescriptor FORMAT = ComponentDescriptor.of("Image", "format", "ImageFormat");
        public static final ComponentDescriptor OPACITY = ComponentDescriptor.of("Image", "opacity", "Opacity");
        public static final ComponentDescriptor DRAW_ORDER = ComponentDescriptor.of("Image", "draw_order", "DrawOrder");
        public static final ComponentDescriptor MAGNIFICATION_FILTER = ComponentDescriptor.of("Image", "magnification_filter", "MagnificationFilter");

        private ImageFields() {
        }
    }

    public static final class EncodedImageFields {
        public static final ComponentDescriptor BLOB = ComponentDescriptor.of("EncodedImage", "blob", "Blob");
        public static final ComponentDescriptor MEDIA_TYPE = ComponentDescriptor.of("EncodedImage", "media_type", "MediaType");
        public static final ComponentDescriptor OPACITY = ComponentDescriptor.of("EncodedImage", "opacity", "Opacity");
        public static final ComponentDescriptor DRAW_ORDER = ComponentDescriptor.of("EncodedImage", "draw_order", "DrawOrder");
        public static final ComponentDescriptor MAGNIFICATION_FILTER = ComponentDescriptor.of("EncodedImage", "magnification_filter", "MagnificationFilter");

        private EncodedImageFields() {
        }
    }

    public static final class EncodedDepthImageFields {
        public static final ComponentDescriptor BLOB = ComponentDescriptor.of("EncodedDepthImage", "blob", "Blob");
        public static final ComponentDescriptor MEDIA_TYPE = ComponentDescriptor.of("EncodedDepthImage", "media_type", "MediaType");
        public static final ComponentDescriptor METER = ComponentDescriptor.of("EncodedDepthImage", "meter", "DepthMeter");
        public static final ComponentDescriptor COLORMAP = ComponentDescriptor.of("EncodedDepthImage", "colormap", "Colormap");
        public static final ComponentDescriptor DEPTH_RANGE = ComponentDescriptor.of("EncodedDepthImage", "depth_range", "ValueRange");
        public static final ComponentDescriptor POINT_FILL_RATIO = ComponentDescriptor.of("EncodedDepthImage", "point_fill_ratio", "FillRatio");
        public static final ComponentDescriptor DRAW_ORDER = ComponentDescriptor.of("EncodedDepthImage", "draw_order", "DrawOrder");
        public static final ComponentDescriptor MAGNIFICATION_FILTER = ComponentDescriptor.of("EncodedDepthImage", "magnification_filter", "MagnificationFilter");

        private EncodedDepthImageFields() {
        }
    }

    public static final class PinholeFields {
        public static final ComponentDescriptor IMAGE_FROM_CAMERA = ComponentDescriptor.of("Pinhole", "image_from_camera", "PinholeProjection");
        public static final ComponentDescriptor RESOLUTION = ComponentDescriptor.of("Pinhole", "resolution", "Resolution");
        public static final ComponentDescriptor CAMERA_XYZ = ComponentDescriptor.of("Pinhole", "camera_xyz", "ViewCoordinates");
        public static final ComponentDescriptor CHILD_FRAME = ComponentDescriptor.of("Pinhole", "child_frame", "TransformFrameId");
        public static final ComponentDescriptor PARENT_FRAME = ComponentDescriptor.of("Pinhole", "parent_frame", "TransformFrameId");
        public static final ComponentDescriptor IMAGE_PLANE_DISTANCE = ComponentDescriptor.of("Pinhole", "image_plane_distance", "ImagePlaneDistance");
        public static final ComponentDescriptor COLOR = ComponentDescriptor.of("Pinhole", "color", "Color");
        public static final ComponentDescriptor LINE_WIDTH = ComponentDescriptor.of("Pinhole", "line_width", "Radius");

        private PinholeFields() {
        }
    }

    public static final class Transform3DFields {
        public static final ComponentDescriptor TRANSLATION = ComponentDescriptor.of("Transform3D", "translation", "Translation3D");
        public static final ComponentDescriptor ROTATION_AXIS_ANGLE = ComponentDescriptor.of("Transform3D", "rotation_axis_angle", "RotationAxisAngle");
        public static final ComponentDescriptor QUATERNION = ComponentDescriptor.of("Transform3D", "quaternion", "RotationQuat");
        public static final ComponentDescriptor SCALE = ComponentDescriptor.of("Transform3D", "scale", "Scale3D");
        public static final ComponentDescriptor MAT3X3 = ComponentDescriptor.of("Transform3D", "mat3x3", "TransformMat3x3");
        public static final ComponentDescriptor RELATION = ComponentDescriptor.of("Transform3D", "relation", "TransformRelation");
        public static final ComponentDescriptor CHILD_FRAME = ComponentDescriptor.of("Transform3D", "child_frame", "TransformFrameId");
        public static final ComponentDescriptor PARENT_FRAME = ComponentDescriptor.of("Transform3D", "parent_frame", "TransformFrameId");

        private Transform3DFields() {
        }
    }

    /** rerun4j's RGB-cloud hint: a Utf8 entity path, ignored by Rerun (an unknown component there). */
    public static final ComponentDescriptor DEPTH_CLOUD_COLOR_SOURCE = new ComponentDescriptor(
            "rerun4j.archetypes.DepthCloudColor", "rerun4j.DepthCloudColor:source", "rerun.components.EntityPath");

    public static final ComponentDescriptor VIEW_COORDINATES_XYZ = ComponentDescriptor.of("ViewCoordinates", "xyz", "ViewCoordinates");

    static final ComponentSerializer<Colormap> COLORMAP = Serializers.uint8Enum(Colormap::code, c -> Colormap.tryFromCode(c).orElse(null));
    static final ComponentSerializer<MagnificationFilter> MAGNIFICATION_FILTER =
            Serializers.uint8Enum(MagnificationFilter::code, c -> MagnificationFilter.tryFromCode(c).orElse(null));
    static final ComponentSerializer<TransformRelation> TRANSFORM_RELATION =
            Serializers.uint8Enum(TransformRelation::code, c -> TransformRelation.tryFromCode(c).orElse(null));

    // ---- encoding ----

    /** The component values of an archetype, in Rerun's column order; absent optional fields are left out. */
    public static List<ComponentValue<?>> encode(Archetype archetype) {
        List<ComponentValue<?>> out = new ArrayList<>();
        if (archetype instanceof DepthImage d) {
            add(out, DepthImageFields.BUFFER, Serializers.BLOB, d.buffer());
            add(out, DepthImageFields.COLORMAP, COLORMAP, d.colormap());
            add(out, DepthImageFields.DEPTH_RANGE, Serializers.VALUE_RANGE, d.depthRange());
            add(out, DepthImageFields.DRAW_ORDER, Serializers.FLOAT32, d.drawOrder());
            add(out, DepthImageFields.FORMAT, Serializers.IMAGE_FORMAT, d.format());
            add(out, DepthImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER, d.magnificationFilter());
            add(out, DepthImageFields.METER, Serializers.FLOAT32, d.meter());
            add(out, DepthImageFields.POINT_FILL_RATIO, Serializers.FLOAT32, d.pointFillRatio());
            add(out, DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8, d.colorSource() == null ? null : d.colorSource().toString());
        } else if (archetype instanceof Image i) {
            add(out, ImageFields.BUFFER, Serializers.BLOB, i.buffer());
            add(out, ImageFields.DRAW_ORDER, Serializers.FLOAT32, i.drawOrder());
            add(out, ImageFields.FORMAT, Serializers.IMAGE_FORMAT, i.format());
            add(out, ImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER, i.magnificationFilter());
            add(out, ImageFields.OPACITY, Serializers.FLOAT32, i.opacity());
        } else if (archetype instanceof EncodedImage e) {
            add(out, EncodedImageFields.BLOB, Serializers.BLOB, e.blob());
            add(out, EncodedImageFields.DRAW_ORDER, Serializers.FLOAT32, e.drawOrder());
            add(out, EncodedImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER, e.magnificationFilter());
            add(out, EncodedImageFields.MEDIA_TYPE, Serializers.UTF8, e.mediaType());
            add(out, EncodedImageFields.OPACITY, Serializers.FLOAT32, e.opacity());
        } else if (archetype instanceof EncodedDepthImage e) {
            add(out, EncodedDepthImageFields.BLOB, Serializers.BLOB, e.blob());
            add(out, EncodedDepthImageFields.COLORMAP, COLORMAP, e.colormap());
            add(out, EncodedDepthImageFields.DEPTH_RANGE, Serializers.VALUE_RANGE, e.depthRange());
            add(out, EncodedDepthImageFields.DRAW_ORDER, Serializers.FLOAT32, e.drawOrder());
            add(out, EncodedDepthImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER, e.magnificationFilter());
            add(out, EncodedDepthImageFields.MEDIA_TYPE, Serializers.UTF8, e.mediaType());
            add(out, EncodedDepthImageFields.METER, Serializers.FLOAT32, e.meter());
            add(out, EncodedDepthImageFields.POINT_FILL_RATIO, Serializers.FLOAT32, e.pointFillRatio());
        } else if (archetype instanceof Pinhole p) {
            add(out, PinholeFields.CAMERA_XYZ, Serializers.VIEW_COORDINATES, p.cameraXyz());
            add(out, PinholeFields.CHILD_FRAME, Serializers.UTF8, p.childFrame());
            add(out, PinholeFields.COLOR, Serializers.COLOR, p.color());
            add(out, PinholeFields.IMAGE_FROM_CAMERA, Serializers.MAT3X3, p.imageFromCamera());
            add(out, PinholeFields.IMAGE_PLANE_DISTANCE, Serializers.FLOAT32, p.imagePlaneDistance());
            add(out, PinholeFields.LINE_WIDTH, Serializers.FLOAT32, p.lineWidth());
            add(out, PinholeFields.PARENT_FRAME, Serializers.UTF8, p.parentFrame());
            add(out, PinholeFields.RESOLUTION, Serializers.RESOLUTION, p.resolution());
        } else if (archetype instanceof Transform3D t) {
            add(out, Transform3DFields.CHILD_FRAME, Serializers.UTF8, t.childFrame());
            add(out, Transform3DFields.MAT3X3, Serializers.MAT3X3, t.mat3x3());
            add(out, Transform3DFields.PARENT_FRAME, Serializers.UTF8, t.parentFrame());
            add(out, Transform3DFields.QUATERNION, Serializers.QUATERNION, t.quaternion());
            add(out, Transform3DFields.RELATION, TRANSFORM_RELATION, t.relation());
            add(out, Transform3DFields.ROTATION_AXIS_ANGLE, Serializers.ROTATION_AXIS_ANGLE, t.rotationAxisAngle());
            add(out, Transform3DFields.SCALE, Serializers.VEC3, t.scale());
            add(out, Transform3DFields.TRANSLATION, Serializers.VEC3, t.translation());
        } else if (archetype instanceof DepthCloudColor h) {
            add(out, DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8, h.source().toString());
        } else if (archetype instanceof ViewCoordinates v) {
            add(out, VIEW_COORDINATES_XYZ, Serializers.VIEW_COORDINATES, v);
        } else {
            throw new IllegalArgumentException("unsupported archetype " + archetype.getClass().getName());
        }
        return out;
    }

    private static <T> void add(List<ComponentValue<?>> out, ComponentDescriptor d, ComponentSerializer<T> s, T value) {
        if (value != null) {
            out.add(new ComponentValue<>(d, s, value));
        }
    }

    // ---- decoding ----

    /** The DepthImage logged in {@code row}, if buffer and format are there and consistent. */
    public static Optional<DepthImage> readDepthImage(Chunk chunk, int row) {
        ComponentSource source = ComponentSource.row(chunk, row);
        return readDepthImage(source, source);
    }

    /**
     * A DepthImage from buffer and format read from {@code required} and the optional components from
     * {@code optional} (the store joins those latest-at); empty without a consistent buffer and format.
     */
    public static Optional<DepthImage> readDepthImage(ComponentSource required, ComponentSource optional) {
        ImageBuffer buffer = readOrNull(required, DepthImageFields.BUFFER, Serializers.BLOB);
        ImageFormat format = readOrNull(required, DepthImageFields.FORMAT, Serializers.IMAGE_FORMAT);
        if (buffer == null || format == null) {
            return Optional.empty();
        }
        DepthImage image;
        try {
            image = new DepthImage(buffer, format);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        image = lenient(image, d -> d.withMeter(optional.read(DepthImageFields.METER, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withColormap(optional.read(DepthImageFields.COLORMAP, COLORMAP)));
        image = lenient(image, d -> d.withDepthRange(optional.read(DepthImageFields.DEPTH_RANGE, Serializers.VALUE_RANGE)));
        image = lenient(image, d -> d.withPointFillRatio(optional.read(DepthImageFields.POINT_FILL_RATIO, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withDrawOrder(optional.read(DepthImageFields.DRAW_ORDER, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withMagnificationFilter(optional.read(DepthImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER)));
        image = lenient(image, d -> {
            String source = optional.read(DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8);
            return d.withColorSource(source == null ? null : EntityPath.parse(source));
        });
        return Optional.of(image);
    }

    /** The Image logged in {@code row}, if buffer and format are there and consistent. */
    public static Optional<Image> readImage(Chunk chunk, int row) {
        ComponentSource source = ComponentSource.row(chunk, row);
        return readImage(source, source);
    }

    /** An Image from buffer and format read from {@code required} and the optional components from {@code optional}. */
    public static Optional<Image> readImage(ComponentSource required, ComponentSource optional) {
        ImageBuffer buffer = readOrNull(required, ImageFields.BUFFER, Serializers.BLOB);
        ImageFormat format = readOrNull(required, ImageFields.FORMAT, Serializers.IMAGE_FORMAT);
        if (buffer == null || format == null) {
            return Optional.empty();
        }
        Image image;
        try {
            image = new Image(buffer, format);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        image = lenient(image, i -> i.withOpacity(optional.read(ImageFields.OPACITY, Serializers.FLOAT32)));
        image = lenient(image, i -> i.withDrawOrder(optional.read(ImageFields.DRAW_ORDER, Serializers.FLOAT32)));
        image = lenient(image, i -> i.withMagnificationFilter(optional.read(ImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER)));
        return Optional.of(image);
    }

    /** The EncodedImage logged in {@code row}, if its blob is there. */
    public static Optional<EncodedImage> readEncodedImage(Chunk chunk, int row) {
        ComponentSource source = ComponentSource.row(chunk, row);
        return readEncodedImage(source, source);
    }

    /** An EncodedImage from the blob read from {@code required} and the other components from {@code optional}. */
    public static Optional<EncodedImage> readEncodedImage(ComponentSource required, ComponentSource optional) {
        ImageBuffer blob = readOrNull(required, EncodedImageFields.BLOB, Serializers.BLOB);
        if (blob == null) {
            return Optional.empty();
        }
        EncodedImage image;
        try {
            image = new EncodedImage(blob, null, null, null, null);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        image = lenient(image, i -> i.withMediaType(optional.read(EncodedImageFields.MEDIA_TYPE, Serializers.UTF8)));
        image = lenient(image, i -> i.withOpacity(optional.read(EncodedImageFields.OPACITY, Serializers.FLOAT32)));
        image = lenient(image, i -> i.withDrawOrder(optional.read(EncodedImageFields.DRAW_ORDER, Serializers.FLOAT32)));
        image = lenient(image, i -> i.withMagnificationFilter(optional.read(EncodedImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER)));
        return Optional.of(image);
    }

    /** The EncodedDepthImage logged in {@code row}, if its blob is there. */
    public static Optional<EncodedDepthImage> readEncodedDepthImage(Chunk chunk, int row) {
        ComponentSource source = ComponentSource.row(chunk, row);
        return readEncodedDepthImage(source, source);
    }

    /**
     * An EncodedDepthImage from the blob read from {@code required} and the other components from {@code optional};
     * the blob is not decoded here (a damaged one is the renderer's error to show, not a reason to lose the row).
     */
    public static Optional<EncodedDepthImage> readEncodedDepthImage(ComponentSource required, ComponentSource optional) {
        ImageBuffer blob = readOrNull(required, EncodedDepthImageFields.BLOB, Serializers.BLOB);
        if (blob == null) {
            return Optional.empty();
        }
        EncodedDepthImage image;
        try {
            image = new EncodedDepthImage(blob, null);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        image = lenient(image, d -> d.withMediaType(optional.read(EncodedDepthImageFields.MEDIA_TYPE, Serializers.UTF8)));
        image = lenient(image, d -> d.withMeter(optional.read(EncodedDepthImageFields.METER, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withColormap(optional.read(EncodedDepthImageFields.COLORMAP, COLORMAP)));
        image = lenient(image, d -> d.withDepthRange(optional.read(EncodedDepthImageFields.DEPTH_RANGE, Serializers.VALUE_RANGE)));
        image = lenient(image, d -> d.withPointFillRatio(optional.read(EncodedDepthImageFields.POINT_FILL_RATIO, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withDrawOrder(optional.read(EncodedDepthImageFields.DRAW_ORDER, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withMagnificationFilter(optional.read(EncodedDepthImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER)));
        return Optional.of(image);
    }

    /** The Pinhole logged in {@code row}, if its projection is there and usable. */
    public static Optional<Pinhole> readPinhole(Chunk chunk, int row) {
        ComponentSource source = ComponentSource.row(chunk, row);
        return readPinhole(source, source);
    }

    /** A Pinhole from the projection read from {@code required} and the other components from {@code optional}. */
    public static Optional<Pinhole> readPinhole(ComponentSource required, ComponentSource optional) {
        Mat3x3 projection = readOrNull(required, PinholeFields.IMAGE_FROM_CAMERA, Serializers.MAT3X3);
        if (projection == null) {
            return Optional.empty();
        }
        Pinhole pinhole;
        try {
            pinhole = Pinhole.fromImageFromCamera(projection);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        pinhole = lenient(pinhole, p -> p.withResolution(optional.read(PinholeFields.RESOLUTION, Serializers.RESOLUTION)));
        pinhole = lenient(pinhole, p -> p.withCameraXyz(optional.read(PinholeFields.CAMERA_XYZ, Serializers.VIEW_COORDINATES)));
        pinhole = lenient(pinhole, p -> p.withChildFrame(optional.read(PinholeFields.CHILD_FRAME, Serializers.UTF8)));
        pinhole = lenient(pinhole, p -> p.withParentFrame(optional.read(PinholeFields.PARENT_FRAME, Serializers.UTF8)));
        pinhole = lenient(pinhole, p -> p.withImagePlaneDistance(optional.read(PinholeFields.IMAGE_PLANE_DISTANCE, Serializers.FLOAT32)));
        pinhole = lenient(pinhole, p -> p.withColor(optional.read(PinholeFields.COLOR, Serializers.COLOR)));
        pinhole = lenient(pinhole, p -> p.withLineWidth(optional.read(PinholeFields.LINE_WIDTH, Serializers.FLOAT32)));
        return Optional.of(pinhole);
    }

    /** The Transform3D logged in {@code row}, if any of its components is there. */
    public static Optional<Transform3D> readTransform3D(Chunk chunk, int row) {
        boolean any = chunk.components().stream().anyMatch(c -> isTransformComponent(c) && !c.isNull(row) && c.count(row) > 0);
        if (!any) {
            return Optional.empty();
        }
        Transform3D t = new Transform3D(null, null, null, null, null, null, null, null);
        t = lenient(t, x -> x.withTranslation(read(chunk, row, Transform3DFields.TRANSLATION, Serializers.VEC3)));
        t = lenient(t, x -> x.withRotationAxisAngle(read(chunk, row, Transform3DFields.ROTATION_AXIS_ANGLE, Serializers.ROTATION_AXIS_ANGLE)));
        t = lenient(t, x -> x.withQuaternion(read(chunk, row, Transform3DFields.QUATERNION, Serializers.QUATERNION)));
        t = lenient(t, x -> x.withScale(read(chunk, row, Transform3DFields.SCALE, Serializers.VEC3)));
        t = lenient(t, x -> x.withMat3x3(read(chunk, row, Transform3DFields.MAT3X3, Serializers.MAT3X3)));
        t = lenient(t, x -> x.withRelation(read(chunk, row, Transform3DFields.RELATION, TRANSFORM_RELATION)));
        t = lenient(t, x -> x.withChildFrame(read(chunk, row, Transform3DFields.CHILD_FRAME, Serializers.UTF8)));
        t = lenient(t, x -> x.withParentFrame(read(chunk, row, Transform3DFields.PARENT_FRAME, Serializers.UTF8)));
        return Optional.of(t);
    }

    /** The ViewCoordinates logged in {@code row}. */
    public static Optional<ViewCoordinates> readViewCoordinates(Chunk chunk, int row) {
        try {
            return Optional.ofNullable(read(chunk, row, VIEW_COORDINATES_XYZ, Serializers.VIEW_COORDINATES));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The RGB-cloud hint logged in {@code row}, if any (a path that does not parse reads as absent). */
    public static Optional<DepthCloudColor> readDepthCloudColor(Chunk chunk, int row) {
        try {
            String path = read(chunk, row, DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8);
            return path == null ? Optional.empty() : Optional.of(DepthCloudColor.source(path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every archetype of this codec that {@code row} holds. */
    public static List<Archetype> readAll(Chunk chunk, int row) {
        List<Archetype> out = new ArrayList<>();
        readDepthImage(chunk, row).ifPresent(out::add);
        readEncodedDepthImage(chunk, row).ifPresent(out::add);
        readImage(chunk, row).ifPresent(out::add);
        readEncodedImage(chunk, row).ifPresent(out::add);
        readPinhole(chunk, row).ifPresent(out::add);
        readTransform3D(chunk, row).ifPresent(out::add);
        readViewCoordinates(chunk, row).ifPresent(out::add);
        readDepthCloudColor(chunk, row).ifPresent(out::add);
        return out;
    }

    private static boolean isTransformComponent(ComponentColumn c) {
        return c.descriptor().component().startsWith("Transform3D:");
    }

    /**
     * The first instance of {@code descriptor} in {@code row}, or null when it is absent, empty, or not of
     * the exact Arrow type (what Rerun's viewer also ignores).
     */
    public static <T> T read(Chunk chunk, int row, ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
        Optional<ComponentColumn> column = chunk.component(descriptor.component());
        if (column.isEmpty()) {
            return null;
        }
        ComponentColumn c = column.get();
        if (!c.itemField().equals(serializer.itemField()) || c.isNull(row) || c.count(row) == 0) {
            return null;
        }
        return serializer.decode(c.items(), c.start(row));
    }

    /** As {@link #read}, but a stored value the SDK would reject (a 2^30 x 2 F32 format, say) reads as absent. */
    private static <T> T readOrNull(ComponentSource source, ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
        try {
            return source.read(descriptor, serializer);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <A> A lenient(A value, UnaryOperator<A> step) {
        try {
            return step.apply(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}

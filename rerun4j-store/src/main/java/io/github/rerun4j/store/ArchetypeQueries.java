package io.github.rerun4j.store;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.codec.ArchetypeCodec.DepthImageFields;
import io.github.rerun4j.sdk.codec.ArchetypeCodec.PinholeFields;
import io.github.rerun4j.sdk.codec.ArchetypeCodec.Transform3DFields;
import io.github.rerun4j.sdk.codec.ComponentSerializer;
import io.github.rerun4j.sdk.codec.Serializers;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.ImageBuffer;
import io.github.rerun4j.sdk.types.ImageFormat;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Mat3x3;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Archetypes as a renderer sees them at one time (Rerun's "visualizer query"): the required component's
 * latest-at row, with every optional component joined latest-at on its own.
 *
 * <p>All methods take a timeline name and time as {@link ChunkStore#latestAt} does ({@code timeline == null}
 * looks at static data only). Optional values that are absent, cleared (logged as an empty list), of an
 * unexpected Arrow type or invalid are left out, as Rerun's viewer ignores them.
 *
 * <pre>{@code
 * Optional<Latest<DepthImage>> depth = ArchetypeQueries.depthImageAt(store, "/world/camera/depth", "frame", 12);
 * Optional<Latest<Pinhole>> camera = ArchetypeQueries.pinholeAt(store, "/world/camera", "frame", 12);
 * }</pre>
 */
public final class ArchetypeQueries {

    private static final ComponentSerializer<Colormap> COLORMAP =
            Serializers.uint8Enum(Colormap::code, c -> Colormap.tryFromCode(c).orElse(null));
    private static final ComponentSerializer<MagnificationFilter> MAGNIFICATION_FILTER =
            Serializers.uint8Enum(MagnificationFilter::code, c -> MagnificationFilter.tryFromCode(c).orElse(null));

    /** Every Transform3D component: a row with any of them is a Transform3D row. */
    static final List<ComponentDescriptor> TRANSFORM_COMPONENTS = List.of(Transform3DFields.TRANSLATION,
            Transform3DFields.ROTATION_AXIS_ANGLE, Transform3DFields.QUATERNION, Transform3DFields.SCALE,
            Transform3DFields.MAT3X3, Transform3DFields.RELATION, Transform3DFields.CHILD_FRAME,
            Transform3DFields.PARENT_FRAME);

    private ArchetypeQueries() {
    }

    /**
     * The depth image visible at {@code time}: buffer and format from the latest-at row of
     * {@code DepthImage:buffer} (the format falls back to its own latest-at value if that row has none), and
     * each optional component (meter, colormap, depth_range, point_fill_ratio, draw_order,
     * magnification_filter) from its own latest-at row, so a meter logged once as static applies to every
     * image. {@link Latest#time()} is when the buffer was logged.
     *
     * <p>Empty if no buffer is visible, the latest buffer was cleared, or buffer and format do not fit.
     * The pixels are copied once out of the chunk (by the SDK's decoder).
     *
     * <pre>{@code
     * var d = ArchetypeQueries.depthImageAt(store, "/world/camera/depth", "frame", 7).orElseThrow();
     * float meter = d.value().meter();    // e.g. 1000 from a static meter
     * }</pre>
     */
    public static Optional<Latest<DepthImage>> depthImageAt(ChunkStore store, String entityPath, String timeline, long time) {
        Optional<RowRef> bufferRow = store.latestAt(entityPath, DepthImageFields.BUFFER.component(), timeline, time);
        if (bufferRow.isEmpty()) {
            return Optional.empty();
        }
        RowRef row = bufferRow.get();
        ImageBuffer buffer = row.read(DepthImageFields.BUFFER, Serializers.BLOB);
        ImageFormat format = row.has(DepthImageFields.FORMAT.component())
                ? row.read(DepthImageFields.FORMAT, Serializers.IMAGE_FORMAT)
                : join(store, entityPath, timeline, time, DepthImageFields.FORMAT, Serializers.IMAGE_FORMAT);
        if (buffer == null || format == null) {
            return Optional.empty();
        }
        DepthImage image;
        try {
            image = new DepthImage(buffer, format);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        image = lenient(image, d -> d.withMeter(join(store, entityPath, timeline, time, DepthImageFields.METER, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withColormap(join(store, entityPath, timeline, time, DepthImageFields.COLORMAP, COLORMAP)));
        image = lenient(image, d -> d.withDepthRange(join(store, entityPath, timeline, time, DepthImageFields.DEPTH_RANGE, Serializers.VALUE_RANGE)));
        image = lenient(image, d -> d.withPointFillRatio(join(store, entityPath, timeline, time, DepthImageFields.POINT_FILL_RATIO, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withDrawOrder(join(store, entityPath, timeline, time, DepthImageFields.DRAW_ORDER, Serializers.FLOAT32)));
        image = lenient(image, d -> d.withMagnificationFilter(join(store, entityPath, timeline, time, DepthImageFields.MAGNIFICATION_FILTER, MAGNIFICATION_FILTER)));
        return Optional.of(new Latest<>(image, row));
    }

    /**
     * The pinhole visible at {@code time}: the latest-at {@code Pinhole:image_from_camera}, with resolution,
     * camera_xyz, frames, image_plane_distance, color and line_width each joined latest-at.
     *
     * <pre>{@code
     * Pinhole p = ArchetypeQueries.pinholeAt(store, "/world/camera", "frame", 0).orElseThrow().value();
     * }</pre>
     */
    public static Optional<Latest<Pinhole>> pinholeAt(ChunkStore store, String entityPath, String timeline, long time) {
        Optional<RowRef> projectionRow = store.latestAt(entityPath, PinholeFields.IMAGE_FROM_CAMERA.component(), timeline, time);
        if (projectionRow.isEmpty()) {
            return Optional.empty();
        }
        Mat3x3 projection = projectionRow.get().read(PinholeFields.IMAGE_FROM_CAMERA, Serializers.MAT3X3);
        if (projection == null) {
            return Optional.empty();
        }
        Pinhole p;
        try {
            p = Pinhole.fromImageFromCamera(projection);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        p = lenient(p, x -> x.withResolution(join(store, entityPath, timeline, time, PinholeFields.RESOLUTION, Serializers.RESOLUTION)));
        p = lenient(p, x -> x.withCameraXyz(join(store, entityPath, timeline, time, PinholeFields.CAMERA_XYZ, Serializers.VIEW_COORDINATES)));
        p = lenient(p, x -> x.withChildFrame(join(store, entityPath, timeline, time, PinholeFields.CHILD_FRAME, Serializers.UTF8)));
        p = lenient(p, x -> x.withParentFrame(join(store, entityPath, timeline, time, PinholeFields.PARENT_FRAME, Serializers.UTF8)));
        p = lenient(p, x -> x.withImagePlaneDistance(join(store, entityPath, timeline, time, PinholeFields.IMAGE_PLANE_DISTANCE, Serializers.FLOAT32)));
        p = lenient(p, x -> x.withColor(join(store, entityPath, timeline, time, PinholeFields.COLOR, Serializers.COLOR)));
        p = lenient(p, x -> x.withLineWidth(join(store, entityPath, timeline, time, PinholeFields.LINE_WIDTH, Serializers.FLOAT32)));
        return Optional.of(new Latest<>(p, projectionRow.get()));
    }

    /**
     * The transform visible at {@code time}, with atomic row semantics: all its components come from the
     * single newest row (static rows shadowing temporal ones) that holds any Transform3D component; a
     * component absent from that row is absent from the result, even if an older row had it. Empty if there
     * is no such row or it only cleared components (empty lists).
     *
     * <pre>{@code
     * Transform3D t = ArchetypeQueries.transform3DAt(store, "/world/camera", "frame", 3).orElseThrow().value();
     * }</pre>
     */
    public static Optional<Latest<Transform3D>> transform3DAt(ChunkStore store, String entityPath, String timeline, long time) {
        Optional<RowRef> newest = TRANSFORM_COMPONENTS.stream()
                .map(d -> store.latestAt(entityPath, d.component(), timeline, time))
                .flatMap(Optional::stream)
                .max(RowRef.LATEST_ORDER);
        return newest.flatMap(r -> ArchetypeCodec.readTransform3D(r.chunk(), r.row()).map(t -> new Latest<>(t, r)));
    }

    /**
     * The view coordinates ({@code ViewCoordinates:xyz}) visible at {@code time}.
     *
     * <pre>{@code
     * ViewCoordinates v = ArchetypeQueries.viewCoordinatesAt(store, "/world", null, 0).orElseThrow().value();
     * }</pre>
     */
    public static Optional<Latest<ViewCoordinates>> viewCoordinatesAt(ChunkStore store, String entityPath, String timeline, long time) {
        return store.latestAt(entityPath, ArchetypeCodec.VIEW_COORDINATES_XYZ.component(), timeline, time)
                .flatMap(r -> ArchetypeCodec.readViewCoordinates(r.chunk(), r.row()).map(v -> new Latest<>(v, r)));
    }

    /** The first instance of {@code descriptor} in its own latest-at row, or null. */
    private static <T> T join(ChunkStore store, String entityPath, String timeline, long time,
                              ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
        return store.latestAt(entityPath, descriptor.component(), timeline, time)
                .map(r -> r.read(descriptor, serializer)).orElse(null);
    }

    private static <A> A lenient(A value, UnaryOperator<A> step) {
        try {
            return step.apply(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}

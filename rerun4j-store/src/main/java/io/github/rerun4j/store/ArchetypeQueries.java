package io.github.rerun4j.store;

import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.DepthImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.EncodedDepthImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.EncodedImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.ImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.PinholeFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.Transform3DFields;
import io.github.rerun4j.sdk.internal.codec.ComponentSerializer;
import io.github.rerun4j.sdk.internal.codec.ComponentSource;
import java.util.List;
import java.util.Optional;

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
        return store.latestAt(entityPath, DepthImageFields.BUFFER.component(), timeline, time).flatMap(row -> {
            ComponentSource joined = joined(store, entityPath, timeline, time);
            return ArchetypeCodec.readDepthImage(rowThenJoined(row, joined), joined).map(image -> new Latest<>(image, row));
        });
    }

    /**
     * The encoded depth image visible at {@code time}: the blob from the latest-at row of
     * {@code EncodedDepthImage:blob}, media type, meter, colormap, depth_range, point_fill_ratio, draw_order and
     * magnification_filter each joined latest-at (as for {@link #depthImageAt}). The blob is not decoded here.
     *
     * <pre>{@code
     * var e = ArchetypeQueries.encodedDepthImageAt(store, "/world/camera/depth", "frame", 0).orElseThrow();
     * DepthImage pixels = e.value().decode();
     * }</pre>
     */
    public static Optional<Latest<EncodedDepthImage>> encodedDepthImageAt(ChunkStore store, String entityPath, String timeline,
                                                                          long time) {
        return store.latestAt(entityPath, EncodedDepthImageFields.BLOB.component(), timeline, time).flatMap(row -> {
            ComponentSource joined = joined(store, entityPath, timeline, time);
            return ArchetypeCodec.readEncodedDepthImage(rowThenJoined(row, joined), joined).map(e -> new Latest<>(e, row));
        });
    }

    /**
     * The colour image visible at {@code time}: buffer and format as for {@link #depthImageAt}, opacity,
     * draw_order and magnification_filter joined latest-at.
     *
     * <pre>{@code
     * Image rgb = ArchetypeQueries.imageAt(store, "/world/camera/rgb", "frame", 0).orElseThrow().value();
     * }</pre>
     */
    public static Optional<Latest<Image>> imageAt(ChunkStore store, String entityPath, String timeline, long time) {
        return store.latestAt(entityPath, ImageFields.BUFFER.component(), timeline, time).flatMap(row -> {
            ComponentSource joined = joined(store, entityPath, timeline, time);
            return ArchetypeCodec.readImage(rowThenJoined(row, joined), joined).map(i -> new Latest<>(i, row));
        });
    }

    /**
     * The encoded colour image visible at {@code time}: the latest-at blob with media type, opacity, draw_order
     * and magnification_filter joined latest-at.
     *
     * <pre>{@code
     * var jpeg = ArchetypeQueries.encodedImageAt(store, "/world/camera/rgb", "frame", 0);
     * }</pre>
     */
    public static Optional<Latest<EncodedImage>> encodedImageAt(ChunkStore store, String entityPath, String timeline,
                                                                long time) {
        return store.latestAt(entityPath, EncodedImageFields.BLOB.component(), timeline, time).flatMap(row -> {
            ComponentSource joined = joined(store, entityPath, timeline, time);
            return ArchetypeCodec.readEncodedImage(rowThenJoined(row, joined), joined).map(i -> new Latest<>(i, row));
        });
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
        return store.latestAt(entityPath, PinholeFields.IMAGE_FROM_CAMERA.component(), timeline, time).flatMap(row -> {
            ComponentSource joined = joined(store, entityPath, timeline, time);
            return ArchetypeCodec.readPinhole(rowThenJoined(row, joined), joined).map(p -> new Latest<>(p, row));
        });
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

    /** Each component from its own latest-at row. */
    private static ComponentSource joined(ChunkStore store, String entityPath, String timeline, long time) {
        return new ComponentSource() {
            @Override
            public <T> T read(ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
                return store.latestAt(entityPath, descriptor.component(), timeline, time)
                        .map(r -> r.read(descriptor, serializer)).orElse(null);
            }
        };
    }

    /** A component of {@code row} if the row has it (the buffer, the projection), else its latest-at value. */
    private static ComponentSource rowThenJoined(RowRef row, ComponentSource joined) {
        return new ComponentSource() {
            @Override
            public <T> T read(ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
                return row.has(descriptor.component()) ? row.read(descriptor, serializer) : joined.read(descriptor, serializer);
            }
        };
    }
}

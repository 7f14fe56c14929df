package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.EffectiveDepthImage;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.CloudBounds;
import io.github.rerun4j.render.projection.Frustum;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.scene.RgbCloudSource;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.projection.ViewBasis;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.ViewDir;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.DepthImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.EncodedDepthImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.EncodedImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.ImageFields;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.PinholeFields;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.Latest;
import io.github.rerun4j.viewer.api.SceneJson.BoundsJson;
import io.github.rerun4j.viewer.api.SceneJson.CameraJson;
import io.github.rerun4j.viewer.api.SceneJson.ColorImageJson;
import io.github.rerun4j.viewer.api.SceneJson.ImageErrorJson;
import io.github.rerun4j.viewer.api.SceneJson.DepthImageJson;
import io.github.rerun4j.viewer.api.SceneJson.PinholeJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles {@link SceneJson.Scene} from a store at one moment: the visualizer step (data to what to draw).
 * All semantics come from {@code rerun4j-render}; this class only collects and arranges them.
 */
public final class SceneQuery {

    /** Colour images default to this draw order (depth images: -20), so they cover depth. */
    public static final float COLOR_IMAGE_DRAW_ORDER = -10f;

    private final ChunkStore store;
    private final String timeline;
    private final long time;
    private final DecodedImages decoded;
    private final String recording;

    /**
     * A query with its own decode cache (tests, one-off use).
     *
     * @param timeline the timeline, or null for static data only
     */
    public SceneQuery(ChunkStore store, String timeline, long time) {
        this(store, timeline, time, new DecodedImages(DecodedImages.DEFAULT_MAX_BYTES), "local");
    }

    /**
     * @param timeline  the timeline, or null for static data only
     * @param decoded   decoded frames shared by the requests of every page
     * @param recording the recording's key in {@code decoded}
     */
    public SceneQuery(ChunkStore store, String timeline, long time, DecodedImages decoded, String recording) {
        this.store = store;
        this.timeline = timeline;
        this.time = time;
        this.decoded = decoded;
        this.recording = recording;
    }

    /** The scene; image URLs are relative to {@code apiBase} (e.g. {@code /api/recordings/abc}). */
    public SceneJson.Scene scene(String apiBase) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(store, timeline, time));
        List<DepthImageJson> images = new ArrayList<>();
        List<ImageErrorJson> errors = new ArrayList<>();
        List<String> colourEntities = new ArrayList<>();
        List<PinholeJson> pinholes = new ArrayList<>();
        // Two boxes: Rerun's scene box sets the frustums' default image plane distance (as in Rerun 0.36);
        // the robust box (few far outliers left out, cameras and frustums always in) frames the page's view.
        Bounds bounds = Bounds.EMPTY;
        Bounds framing = Bounds.EMPTY;
        List<String> pinholeEntities = new ArrayList<>();
        for (String entity : store.entityPaths()) {
            if (has(entity, PinholeFields.IMAGE_FROM_CAMERA.component())) {
                pinholeEntities.add(entity);
            }
            if (has(entity, ImageFields.BUFFER.component()) || has(entity, EncodedImageFields.BLOB.component())) {
                colourEntities.add(entity);
            }
            if (!has(entity, DepthImageFields.BUFFER.component()) && !has(entity, EncodedDepthImageFields.BLOB.component())) {
                continue;
            }
            Optional<Latest<DepthImage>> latest;
            try {
                latest = depthImage(entity);
            } catch (DecodedImages.DecodeFailure e) {
                // Only this entity is lost: the page shows the message on it and draws the rest.
                errors.add(new ImageErrorJson(entity, "EncodedDepthImage", encodedDepthImage(entity)
                        .map(l -> l.row().rowId().toString()).orElse(null), e.getMessage()));
                continue;
            }
            if (latest.isEmpty()) {
                continue;
            }
            EffectiveDepthImage image = EffectiveDepthImage.of(latest.get().value());
            Optional<PinholeCamera> camera = chain.cameraFor(entity);
            if (camera.isPresent()) {
                bounds = bounds.union(CloudBounds.rerun(image.image(), camera.get(), image.range()));
                framing = framing.union(CloudBounds.robust(image.image(), camera.get()));
            }
            images.add(depthImageJson(entity, latest.get(), image, camera.orElse(null), apiBase));
        }
        for (String entity : pinholeEntities) {
            Optional<PinholeCamera> camera = chain.cameraFor(entity);
            if (camera.isPresent() && camera.get().entityPath().equals(entity)) {
                Vec3 origin = camera.get().worldFromCamera().transformPoint(Vec3.ZERO);
                bounds = bounds.including(origin);
                framing = framing.including(origin);
            }
        }
        Bounds sceneBounds = bounds;
        List<ColorImageJson> colours = new ArrayList<>();
        for (String entity : colourEntities) {
            try {
                ColourImageJsons.of(this, entity, chain, sceneBounds, apiBase).ifPresent(colours::add);
            } catch (DecodedImages.DecodeFailure e) {
                errors.add(new ImageErrorJson(entity, "EncodedImage", encodedImage(entity)
                        .map(l -> l.row().rowId().toString()).orElse(null), e.getMessage()));
            }
        }
        for (String entity : pinholeEntities) {
            chain.cameraFor(entity).filter(c -> c.entityPath().equals(entity))
                    .ifPresent(c -> pinholes.add(pinholeJson(c, sceneBounds)));
        }
        for (PinholeJson p : pinholes) {
            float[] lines = p.frustumLines();
            for (int i = 0; i + 2 < lines.length; i += 3) {
                framing = framing.including(new Vec3(lines[i], lines[i + 1], lines[i + 2]));
            }
        }
        BoundsJson boundsJson = framing.isEmpty() ? null : new BoundsJson(xyz(framing.min()), xyz(framing.max()));
        return new SceneJson.Scene(timeline, time, images, colours, errors, pinholes, boundsJson, axes());
    }

    private SceneJson.AxesJson axes() {
        Optional<ViewCoordinates> logged = ArchetypeQueries.viewCoordinatesAt(store, "/", timeline, time).map(Latest::value);
        ViewCoordinates axes = logged.orElse(ViewCoordinates.RFU);
        return new SceneJson.AxesJson(axes.toString(), logged.isPresent(),
                xyz(ViewBasis.direction(axes, ViewDir.RIGHT)), xyz(ViewBasis.direction(axes, ViewDir.FORWARD)),
                xyz(ViewBasis.direction(axes, ViewDir.UP)));
    }

    /**
     * The latest depth image of {@code entity} at this moment: a DepthImage, else an EncodedDepthImage decoded
     * (render's {@code EncodedDepth}: its fallbacks filled in), on the encoded row.
     *
     * @throws DecodedImages.DecodeFailure if the encoded blob there does not decode
     */
    public Optional<Latest<DepthImage>> depthImage(String entity) {
        Optional<Latest<DepthImage>> plain = ArchetypeQueries.depthImageAt(store, entity, timeline, time);
        if (plain.isPresent() || !has(entity, EncodedDepthImageFields.BLOB.component())) {
            return plain;
        }
        return encodedDepthImage(entity).map(e -> new Latest<>(decoded.depth(recording, entity, e), e.row()));
    }

    /** The latest EncodedDepthImage of {@code entity} at this moment, not decoded. */
    public Optional<Latest<EncodedDepthImage>> encodedDepthImage(String entity) {
        return ArchetypeQueries.encodedDepthImageAt(store, entity, timeline, time);
    }

    /** The latest EncodedImage of {@code entity} at this moment, not decoded. */
    public Optional<Latest<EncodedImage>> encodedImage(String entity) {
        return ArchetypeQueries.encodedImageAt(store, entity, timeline, time);
    }

    /** True when {@code entity}'s depth image at this moment is an EncodedDepthImage (no DepthImage there). */
    public boolean isEncodedDepth(String entity) {
        return ArchetypeQueries.depthImageAt(store, entity, timeline, time).isEmpty()
                && encodedDepthImage(entity).isPresent();
    }

    /**
     * The colour texels of {@code entity} at this moment with the row they come from: an Image, else an
     * EncodedImage decoded on the server.
     *
     * @throws DecodedImages.DecodeFailure if the encoded blob there does not decode
     */
    public Optional<Map.Entry<String, DecodedImages.Texels>> colourTexels(String entity) {
        Optional<Latest<Image>> image = ArchetypeQueries.imageAt(store, entity, timeline, time);
        if (image.isPresent()) {
            return Optional.of(Map.entry(image.get().row().rowId().toString(), decoded.colour(recording, entity, image.get())));
        }
        return encodedImage(entity).map(e -> Map.entry(e.row().rowId().toString(), decoded.encodedColour(recording, entity, e)));
    }

    /** See {@link DecodedImages#pixelColours}: cached under {@code key} in this recording. */
    DecodedImages.PixelColours pixelColours(String key, java.util.function.Supplier<DecodedImages.PixelColours> make) {
        return decoded.pixelColours(recording, key, make);
    }

    /**
     * Colour images as render's RGB cloud rules want them: an {@code Image} as logged, an {@code EncodedImage} from
     * its decoded texels (decoded once per row, {@link DecodedImages}; a blob that does not decode throws
     * {@link DecodedImages.DecodeFailure}).
     */
    RgbCloudSource.ColourImages colourImages() {
        return entity -> ArchetypeQueries.imageAt(store, entity, timeline, time).or(() -> encodedImage(entity).map(e -> {
            DecodedImages.Texels texels = decoded.encodedColour(recording, entity, e);
            byte[] rgba = new byte[texels.rgba().remaining()];
            texels.rgba().duplicate().get(rgba);
            return new Latest<>(Image.fromRgba8(rgba, texels.width(), texels.height()), e.row());
        }));
    }

    ChunkStore store() {
        return store;
    }

    String timeline() {
        return timeline;
    }

    long time() {
        return time;
    }

    /** An EncodedImage row's texels, decoded once (DecodedImages). */
    DecodedImages.Texels encodedColour(String entity, Latest<EncodedImage> encoded) {
        return decoded.encodedColour(recording, entity, encoded);
    }

    /** The camera a depth image of {@code entity} is seen through, if any. */
    public Optional<PinholeCamera> camera(String entity) {
        return new TransformChain(new StoreTransformLookup(store, timeline, time)).cameraFor(entity);
    }

    /** The URL of a route serving {@code entity}'s pixels of row {@code rowId} at this moment. */
    String url(String apiBase, String route, String entity, String rowId) {
        return apiBase + route + "?entity=" + URLEncoder.encode(entity, StandardCharsets.UTF_8)
                + (timeline == null ? "" : "&timeline=" + URLEncoder.encode(timeline, StandardCharsets.UTF_8)
                + "&time=" + time)
                + "&row=" + rowId;
    }

    private boolean has(String entity, String component) {
        return store.components(entity).stream().anyMatch(d -> d.component().equals(component));
    }

    private DepthImageJson depthImageJson(String entity, Latest<DepthImage> latest, EffectiveDepthImage effective,
                                          PinholeCamera camera, String apiBase) {
        DepthImage image = latest.value();
        DepthRange range = effective.range();
        String rowId = latest.row().rowId().toString();
        String imageUrl = url(apiBase, "/image", entity, rowId);
        String encoding = isEncodedDepth(entity) ? encodedDepthImage(entity).get().value().mediaType() : null;
        return new DepthImageJson(entity, rowId,
                latest.time().isPresent() ? latest.time().getAsLong() : null,
                image.width(), image.height(), image.datatype().name(), image.datatype().bytesPerElement(),
                "L " + image.datatype().name() + " " + image.width() + "\u00d7" + image.height(), encoding,
                image.meter(), name(image.colormap()),
                image.depthRange() == null ? null : new double[] {image.depthRange().min(), image.depthRange().max()},
                image.pointFillRatio(), image.drawOrder(),
                image.magnificationFilter() == null ? null : image.magnificationFilter().displayName(),
                effective.meter(), effective.colormap().displayName(), new float[] {range.min(), range.max()},
                effective.pointFillRatio(), effective.drawOrder(),
                // Encoded depth: magnified Nearest, minified bilinear, whatever was logged (render's
                // EncodedDepth.overrides2D); the page draws it so when `encoding` is set.
                encoding != null ? "Nearest" : effective.filter().displayName(), imageUrl, camera == null ? null : cameraJson(image, camera),
                ComponentText.depthImage(image, effective.meter(), effective.drawOrder(), effective.pointFillRatio(), range),
                camera == null ? null : RgbSources.of(this, entity, image, rowId, camera, apiBase));
    }

    private static String name(Colormap colormap) {
        return colormap == null ? null : colormap.displayName();
    }

    private static CameraJson cameraJson(DepthImage image, PinholeCamera camera) {
        Pinhole pinhole = camera.pinhole();
        Affine3 worldFromRdf = camera.worldFromRdf();
        // Without the fill ratio: the page multiplies by the depth image's effective fill ratio.
        float radiusPerDepth = BackProjection.radiusPerDepth(pinhole, image.height(), 1f, worldFromRdf);
        return new CameraJson(camera.entityPath(), pinhole.focalLengthX(), pinhole.focalLengthY(),
                pinhole.imageFromCamera().get(0, 2), pinhole.imageFromCamera().get(1, 2),
                columnMajor4x4(worldFromRdf), radiusPerDepth);
    }

    private PinholeJson pinholeJson(PinholeCamera camera, Bounds sceneBounds) {
        Pinhole p = camera.pinhole();
        double distance = Frustum.imagePlaneDistance(p, sceneBounds);
        return new PinholeJson(camera.entityPath(), p.imageFromCamera().columnMajor(),
                p.resolution() == null ? null : new float[] {p.resolution().width(), p.resolution().height()},
                camera.cameraXyz().toString(), columnMajor4x4(camera.worldFromCamera()), (float) distance,
                Frustum.lines(p, camera.worldFromCamera(), distance).xyz(), ComponentText.pinhole(p, distance));
    }

    static float[] columnMajor4x4(Affine3 a) {
        float[] m = new float[16];
        for (int col = 0; col < 4; col++) {
            for (int row = 0; row < 3; row++) {
                m[col * 4 + row] = (float) a.get(row, col);
            }
        }
        m[15] = 1f;
        return m;
    }

    private static double[] xyz(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }
}

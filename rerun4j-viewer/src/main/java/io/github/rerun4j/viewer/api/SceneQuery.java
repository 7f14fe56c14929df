package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.image.DepthRange;
import io.github.rerun4j.render.image.EffectiveDepthImage;
import io.github.rerun4j.render.projection.Affine3;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.Bounds;
import io.github.rerun4j.render.projection.CloudBounds;
import io.github.rerun4j.render.projection.Frustum;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.projection.Vec3;
import io.github.rerun4j.render.projection.ViewBasis;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.render.scene.RgbCloudSource;
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
import io.github.rerun4j.viewer.api.SceneJson.RgbSourceJson;
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
                colourImageJson(entity, chain, sceneBounds, apiBase).ifPresent(colours::add);
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

    /** The camera a depth image of {@code entity} is seen through, if any. */
    public Optional<PinholeCamera> camera(String entity) {
        return new TransformChain(new StoreTransformLookup(store, timeline, time)).cameraFor(entity);
    }

    private Optional<ColorImageJson> colourImageJson(String entity, TransformChain chain, Bounds sceneBounds, String apiBase) {
        Optional<Latest<Image>> image = ArchetypeQueries.imageAt(store, entity, timeline, time);
        Optional<Latest<EncodedImage>> encoded = image.isPresent() ? Optional.empty() : encodedImage(entity);
        if (image.isEmpty() && encoded.isEmpty()) {
            return Optional.empty();
        }
        Latest<?> row = image.isPresent() ? image.get() : encoded.get();
        int width;
        int height;
        String format;
        Float opacity;
        Float drawOrder;
        String filter;
        String effectiveFilter;
        String encoding = null;
        if (image.isPresent()) {
            Image i = image.get().value();
            width = i.width();
            height = i.height();
            format = (i.format().pixelFormat() != null ? i.format().pixelFormat().name()
                    : i.format().effectiveColorModel().name() + " " + i.format().effectiveChannelDatatype().name())
                    + " " + width + "\u00d7" + height;
            opacity = i.opacity();
            drawOrder = i.drawOrder();
            filter = i.magnificationFilter() == null ? null : i.magnificationFilter().displayName();
            effectiveFilter = filter == null ? "Nearest" : filter;
        } else {
            EncodedImage e = encoded.get().value();
            // Decoded here already: the page asks for the texels next, and the size comes from the file.
            DecodedImages.Texels texels = decoded.encodedColour(recording, entity, encoded.get());
            width = texels.width();
            height = texels.height();
            encoding = e.effectiveMediaType();
            format = encoding + " " + width + "\u00d7" + height;
            opacity = e.opacity();
            drawOrder = e.drawOrder();
            filter = e.magnificationFilter() == null ? null : e.magnificationFilter().displayName();
            effectiveFilter = "Nearest"; // 0.33 ignores the logged filter of encoded images
        }
        String rowId = row.row().rowId().toString();
        float[] plane = null;
        Optional<PinholeCamera> camera = chain.cameraFor(entity);
        if (camera.isPresent()) {
            // Rerun draws it in the pinhole's pixel space on the image plane: the frustum's far rectangle when the
            // image has the pinhole's resolution, larger or smaller otherwise (nothing rescales it).
            Pinhole sized = camera.get().pinhole().withResolution(width, height);
            double distance = Frustum.imagePlaneDistance(camera.get().pinhole(), sceneBounds);
            List<Vec3> corners = Frustum.corners(sized, camera.get().worldFromCamera(), distance);
            plane = new float[12];
            for (int i = 0; i < 4; i++) {
                plane[3 * i] = (float) corners.get(i).x();
                plane[3 * i + 1] = (float) corners.get(i).y();
                plane[3 * i + 2] = (float) corners.get(i).z();
            }
        }
        return Optional.of(new ColorImageJson(entity, rowId, row.time().isPresent() ? row.time().getAsLong() : null,
                width, height, format, encoding, opacity, drawOrder,
                drawOrder == null ? COLOR_IMAGE_DRAW_ORDER : drawOrder, filter, effectiveFilter,
                url(apiBase, "/color", entity, rowId), plane));
    }

    private String url(String apiBase, String route, String entity, String rowId) {
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
                camera == null ? null : rgbSource(entity, image, camera, apiBase));
    }

    /** The colour source of the cloud of {@code entity} (render's RgbCloudSource), said as the CLI says it. */
    private RgbSourceJson rgbSource(String entity, DepthImage depth, PinholeCamera camera, String apiBase) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(store, timeline, time));
        RgbCloudSource.Pairing p = RgbCloudSource.find(store, timeline, time, entity, camera.entityPath(), chain);
        String pinhole = camera.entityPath();
        return switch (p.status()) {
            case NONE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "no colour image under the pinhole " + pinhole + ": the points keep their colormap colours");
            case HINT_WITHOUT_IMAGE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "colour source " + p.source() + " has no image at this time: the points keep their colormap colours");
            case HINT_UNDER_ANOTHER_PINHOLE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "colour source " + p.source() + " is under " + (p.sourcePinhole() == null ? "no pinhole"
                            : "the pinhole " + p.sourcePinhole()) + ", not " + pinhole
                            + ": unregistered pairs are not supported: the points keep their colormap colours");
            case PAIRED -> {
                Image colour = p.image().value();
                RgbCloud.Fit fit = RgbCloud.fit(depth.width(), depth.height(), colour.width(), colour.height());
                String note = switch (fit) {
                    case AUTO_FITTED -> "colour " + colour.width() + "\u00d7" + colour.height() + " auto-fitted to depth "
                            + depth.width() + "\u00d7" + depth.height();
                    case TOP_LEFT -> "colour and depth sizes differ (" + colour.width() + "\u00d7" + colour.height()
                            + " vs " + depth.width() + "\u00d7" + depth.height()
                            + "): points outside the colour image keep the colormap";
                    default -> null;
                };
                if (p.candidates().size() > 1) {
                    String ambiguous = "ambiguous colour source, using " + p.source() + " (of "
                            + String.join(", ", p.candidates()) + ")";
                    note = note == null ? ambiguous : ambiguous + "; " + note;
                }
                yield new RgbSourceJson(p.source(), p.status().name(), fit.name(), colour.width(), colour.height(),
                        url(apiBase, "/color", p.source(), p.image().row().rowId().toString()), note);
            }
        };
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

package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.render.scene.RgbCloudSource;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.viewer.api.SceneJson.RgbSourceJson;
import io.github.rerun4j.render.projection.BackProjection;
import io.github.rerun4j.render.projection.PointCloud;
import io.github.rerun4j.store.Latest;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A depth cloud's colour source for the page's RGB cloud toggle (a rerun4j extension): render's
 * {@link RgbCloudSource} picks it and {@link RgbCloud#fit} says how it maps, with the note the selection panel
 * shows, worded as the CLI's {@code --rgb-clouds} warnings.
 */
final class RgbSources {

    private RgbSources() {
    }

    /** The colour source of the cloud of {@code entity} seen through {@code camera}. */
    static RgbSourceJson of(SceneQuery q, String entity, DepthImage depth, String depthRow, PinholeCamera camera,
                            String apiBase) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(q.store(), q.timeline(), q.time()));
        RgbCloudSource.Pairing p = find(q, entity, camera, chain);
        String pinhole = camera.entityPath();
        return switch (p.status()) {
            case UNDECODABLE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "colour source " + p.source() + ": its EncodedImage does not decode (" + p.problem()
                            + "): the points keep their colormap colours");
            case NONE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "no colour image under the pinhole " + pinhole + ": the points keep their colormap colours");
            case HINT_WITHOUT_IMAGE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "colour source " + p.source() + " has no image at this time: the points keep their colormap colours");
            case HINT_UNDER_ANOTHER_PINHOLE -> {
                if (p.sourcePinhole() == null) {
                    yield new RgbSourceJson(null, p.status().name(), null, null, null, null, "colour source " + p.source()
                            + " is under no pinhole: its camera is unknown; the points keep their colormap colours");
                }
                // Unregistered: the server maps every depth pixel to its colour texel (render's RgbCloud, the CLI's
                // rule) and the page draws that map as a depth-sized colour image.
                Image colour = p.image().value();
                yield new RgbSourceJson(p.source(), p.status().name(), RgbCloud.Fit.UNREGISTERED.name(),
                        depth.width(), depth.height(),
                        q.url(apiBase, "/rgb-cloud", entity, depthRow) + "&colourRow=" + p.image().row().rowId(),
                        "colour " + colour.width() + "\u00d7" + colour.height() + " under the pinhole "
                                + p.sourcePinhole() + ", not " + pinhole
                                + ": each point projected into its camera (unregistered); points outside it keep the colormap");
            }
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
                        q.url(apiBase, "/color", p.source(), p.image().row().rowId().toString()), note);
            }
        };
    }

    /** The pairing rule (render's), with EncodedImage sources decoded once per row through the scene's cache. */
    private static RgbCloudSource.Pairing find(SceneQuery q, String entity, PinholeCamera camera, TransformChain chain) {
        return RgbCloudSource.find(q.store(), q.timeline(), q.time(), entity, camera.entityPath(), chain, q::encodedColourImage);
    }

    /**
     * The hover line of depth pixel {@code (x, y)} when its cloud is RGB-coloured, as the page draws it:
     * {@code Colour: rrr, ggg, bbb, #RRGGBB (<source> texel i, j)}, or {@code Colour: colormap (outside colour image)};
     * empty when the cloud has no colour source. {@code occlusion}: as {@link #unregistered}.
     */
    static Optional<String> hoverLine(SceneQuery q, String entity, Latest<DepthImage> depthRow, PinholeCamera camera,
                                      int x, int y, boolean occlusion) {
        DepthImage depth = depthRow.value();
        TransformChain chain = new TransformChain(new StoreTransformLookup(q.store(), q.timeline(), q.time()));
        RgbCloudSource.Pairing p = find(q, entity, camera, chain);
        int texel;
        if (p.status() == RgbCloudSource.Status.PAIRED) {
            Image colour = p.image().value();
            RgbCloud.Fit fit = RgbCloud.fit(depth.width(), depth.height(), colour.width(), colour.height());
            texel = RgbCloud.texel(fit, x, y, depth.width(), depth.height(), colour.width(), colour.height());
        } else if (p.status() == RgbCloudSource.Status.HINT_UNDER_ANOTHER_PINHOLE && p.sourcePinhole() != null) {
            texel = unregisteredTexel(q, entity, depthRow, camera, p, chain, occlusion, x, y);
            if (texel < 0 && occlusion && unregisteredTexel(q, entity, depthRow, camera, p, chain, false, x, y) >= 0) {
                return Optional.of("Colour: colormap (hidden from the colour camera by nearer points)");
            }
        } else {
            return Optional.empty();
        }
        Optional<DecodedImages.Texels> texels = q.colourTexels(p.source()).map(Map.Entry::getValue);
        if (texel < 0 || texels.isEmpty()) {
            return Optional.of("Colour: colormap (outside colour image)");
        }
        int at = 4 * texel;
        int r = texels.get().rgba().get(at) & 0xFF;
        int g = texels.get().rgba().get(at + 1) & 0xFF;
        int b = texels.get().rgba().get(at + 2) & 0xFF;
        int wc = texels.get().width();
        return Optional.of(String.format(Locale.ROOT, "Colour: %3d, %3d, %3d, #%02X%02X%02X (%s texel %d, %d)",
                r, g, b, r, g, b, p.source(), texel % wc, texel / wc));
    }

    /** The colour texel of depth pixel {@code (x, y)} through an unregistered source, -1 for none. */
    private static int unregisteredTexel(SceneQuery q, String entity, Latest<DepthImage> depthRow, PinholeCamera camera,
                                         RgbCloudSource.Pairing p, TransformChain chain, boolean occlusion, int x, int y) {
        DepthImage depth = depthRow.value();
        Optional<DecodedImages.PixelColours> colours = unregistered(q, entity, depthRow, camera, p, chain, occlusion);
        return colours.isEmpty() || x < 0 || y < 0 || x >= depth.width() || y >= depth.height() ? -1
                : colours.get().texelOfPixel()[y * depth.width() + x];
    }

    /**
     * The colours of {@code entity}'s cloud from its unregistered colour source in the depth image's pixel grid (the
     * {@code /rgb-cloud} route), or empty when it has none at this time. With {@code occlusion}, points hidden from
     * the colour camera by nearer ones keep their colormap colour (render's occlusion test, the CLI's
     * {@code --rgb-occlusion}).
     */
    static Optional<DecodedImages.PixelColours> unregistered(SceneQuery q, String entity, Latest<DepthImage> depthRow,
                                                             PinholeCamera camera, boolean occlusion) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(q.store(), q.timeline(), q.time()));
        RgbCloudSource.Pairing p = find(q, entity, camera, chain);
        if (p.status() != RgbCloudSource.Status.HINT_UNDER_ANOTHER_PINHOLE || p.sourcePinhole() == null) {
            return Optional.empty();
        }
        return unregistered(q, entity, depthRow, camera, p, chain, occlusion);
    }

    private static Optional<DecodedImages.PixelColours> unregistered(SceneQuery q, String entity,
                                                                     Latest<DepthImage> depthRow, PinholeCamera camera,
                                                                     RgbCloudSource.Pairing p, TransformChain chain,
                                                                     boolean occlusion) {
        Optional<PinholeCamera> colourCamera = chain.cameraFor(p.source());
        Optional<Map.Entry<String, DecodedImages.Texels>> texels = q.colourTexels(p.source());
        if (colourCamera.isEmpty() || texels.isEmpty()) {
            return Optional.empty();
        }
        DepthImage depth = depthRow.value();
        DecodedImages.Texels colour = texels.get().getValue();
        PinholeCamera c = colourCamera.get();
        // Both rows' pixels never change; the cameras (transforms at this time) may, so they are part of the key.
        String key = entity + '\0' + depthRow.row().rowId() + '\0' + p.source() + '\0' + texels.get().getKey()
                + '\0' + cameraKey(camera) + '\0' + cameraKey(c) + (occlusion ? "\0occlusion" : "");
        return Optional.of(q.pixelColours(key, () -> {
            PointCloud points = BackProjection.project(depth, camera, 0f, 1f); // the range sets t only, not positions
            int[] texelOfPoint = RgbCloud.unregisteredTexels(points, colour.width(), colour.height(), c, occlusion);
            int[] texelOfPixel = new int[depth.width() * depth.height()];
            java.util.Arrays.fill(texelOfPixel, -1);
            byte[] rgba = new byte[4 * texelOfPixel.length]; // alpha 0: the point keeps its colormap colour
            ByteBuffer from = colour.rgba();
            int[] pixel = points.pixelIndex();
            for (int i = 0; i < texelOfPoint.length; i++) {
                int t = texelOfPoint[i];
                if (t < 0) {
                    continue;
                }
                texelOfPixel[pixel[i]] = t;
                int to = 4 * pixel[i];
                rgba[to] = from.get(4 * t);
                rgba[to + 1] = from.get(4 * t + 1);
                rgba[to + 2] = from.get(4 * t + 2);
                rgba[to + 3] = (byte) 0xFF; // points are opaque, whatever the texel's alpha
            }
            return new DecodedImages.PixelColours(depth.width(), depth.height(),
                    ByteBuffer.wrap(rgba).asReadOnlyBuffer(), texelOfPixel);
        }));
    }

    private static String cameraKey(PinholeCamera camera) {
        return camera.entityPath() + java.util.Arrays.toString(camera.worldFromRdf().toRowMajor3x4())
                + camera.pinhole().focalLengthX() + ',' + camera.pinhole().focalLengthY() + ','
                + camera.pinhole().principalPoint().x() + ',' + camera.pinhole().principalPoint().y();
    }
}

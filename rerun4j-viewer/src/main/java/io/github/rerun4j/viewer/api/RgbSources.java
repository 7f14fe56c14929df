package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.render.scene.RgbCloudSource;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.viewer.api.SceneJson.RgbSourceJson;
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
    static RgbSourceJson of(SceneQuery q, String entity, DepthImage depth, PinholeCamera camera, String apiBase) {
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
            case HINT_UNDER_ANOTHER_PINHOLE -> new RgbSourceJson(null, p.status().name(), null, null, null, null,
                    "colour source " + p.source() + " is under " + (p.sourcePinhole() == null ? "no pinhole"
                            : "the pinhole " + p.sourcePinhole()) + ", not " + pinhole
                            + ": the viewer draws only registered pairs (rerun4j points/render --rgb-clouds colour this one);"
                            + " the points keep their colormap colours");
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
     * The hover line of depth pixel {@code (x, y)} when its cloud is RGB-coloured (registered pairs, as the page
     * draws them): {@code Colour: rrr, ggg, bbb, #RRGGBB (<source> texel i, j)}, or {@code Colour: colormap (outside
     * colour image)}; empty when the cloud has no registered colour source.
     */
    static Optional<String> hoverLine(SceneQuery q, String entity, DepthImage depth, PinholeCamera camera, int x, int y) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(q.store(), q.timeline(), q.time()));
        RgbCloudSource.Pairing p = find(q, entity, camera, chain);
        if (p.status() != RgbCloudSource.Status.PAIRED) {
            return Optional.empty();
        }
        Image colour = p.image().value();
        RgbCloud.Fit fit = RgbCloud.fit(depth.width(), depth.height(), colour.width(), colour.height());
        int texel = RgbCloud.texel(fit, x, y, depth.width(), depth.height(), colour.width(), colour.height());
        Optional<DecodedImages.Texels> texels = q.colourTexels(p.source()).map(Map.Entry::getValue);
        if (texel < 0 || texels.isEmpty()) {
            return Optional.of("Colour: colormap (outside colour image)");
        }
        int at = 4 * texel;
        int r = texels.get().rgba().get(at) & 0xFF;
        int g = texels.get().rgba().get(at + 1) & 0xFF;
        int b = texels.get().rgba().get(at + 2) & 0xFF;
        return Optional.of(String.format(Locale.ROOT, "Colour: %3d, %3d, %3d, #%02X%02X%02X (%s texel %d, %d)",
                r, g, b, r, g, b, p.source(), texel % colour.width(), texel / colour.width()));
    }
}

package io.github.rerun4j.cli;

import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.render.scene.RgbCloudSource;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.viewer.api.EncodedImageDecoder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code --rgb-clouds} (render --view 3d, points): colours the scene's cloud from a colour {@link Image} (or an
 * {@code EncodedImage}, PNG or JPEG, decoded as the viewer decodes it), the source chosen by render's
 * {@link RgbCloudSource}: under the same Pinhole, the registered pairing of {@link RgbCloud};
 * named by the hint under its own Pinhole and transforms, {@link RgbCloud#unregistered} (with the occlusion test
 * when asked). Several candidates: a warning naming the one used. None: the cloud keeps its colormap, with a
 * warning.
 */
final class RgbClouds {

    private RgbClouds() {
    }

    static DepthCloud apply(Scene scene, DepthCloud cloud, boolean occlusion, PrintWriter err) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(scene.store(), scene.timeline(), scene.time()));
        String pinhole = cloud.camera().entityPath();
        RgbCloudSource.Pairing pairing;
        try {
            // An EncodedImage source is decoded with the viewer's decoder (ImageIO; render has none).
            pairing = RgbCloudSource.find(scene.store(), scene.timeline(), scene.time(), scene.entity(), pinhole, chain,
                    RgbCloudSource.ColourImages.of(scene.store(), scene.timeline(), scene.time(), EncodedImageDecoder::decode));
        } catch (InvalidArgumentException e) {
            err.println("rerun4j: warning: --rgb-clouds: the colour image does not decode: " + e.getMessage()
                    + "; the points keep their colormap colours");
            return cloud;
        }
        switch (pairing.status()) {
            case HINT_WITHOUT_IMAGE -> {
                err.println("rerun4j: warning: colour source " + pairing.source() + " has no image" + scene.describeTime()
                        + "; the points keep their colormap colours");
                return cloud;
            }
            case HINT_UNDER_ANOTHER_PINHOLE -> {
                Optional<PinholeCamera> camera = chain.cameraFor(pairing.source());
                if (camera.isEmpty()) {
                    err.println("rerun4j: warning: colour source " + pairing.source() + " is under no pinhole: its camera"
                            + " is unknown; the points keep their colormap colours");
                    return cloud;
                }
                RgbCloud.Result r = RgbCloud.unregistered(cloud, pairing.image().value(), camera.get(), occlusion);
                if (r.coloured() == 0) {
                    err.println("rerun4j: warning: no point of " + scene.entity() + " projects into " + pairing.source()
                            + " (pinhole " + camera.get().entityPath() + "); the points keep their colormap colours");
                }
                return r.cloud();
            }
            case NONE -> {
                err.println("rerun4j: warning: --rgb-clouds: no colour image under the pinhole " + pinhole + scene.describeTime()
                        + "; the points keep their colormap colours");
                return cloud;
            }
            default -> { }
        }
        List<String> candidates = pairing.candidates();
        if (candidates.size() > 1) {
            err.println("rerun4j: warning: ambiguous colour source, using " + pairing.source() + " (of "
                    + String.join(", ", candidates) + ")");
        }
        Image c = pairing.image().value();
        RgbCloud.Result r = RgbCloud.registered(cloud, c);
        if (candidates.isEmpty()) {
            return r.cloud(); // named by the hint: no notes, as before
        }
        switch (r.fit()) {
            case AUTO_FITTED -> err.println("rerun4j: note: colour " + c.width() + "x" + c.height()
                    + " auto-fitted to depth " + cloud.points().imageWidth() + "x" + cloud.points().imageHeight());
            case TOP_LEFT -> err.println("rerun4j: warning: colour and depth sizes differ ("
                    + c.width() + "x" + c.height() + " vs " + cloud.points().imageWidth() + "x"
                    + cloud.points().imageHeight() + "); points outside the colour image keep the colormap");
            default -> { }
        }
        return r.cloud();
    }

}

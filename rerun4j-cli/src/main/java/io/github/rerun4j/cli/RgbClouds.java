package io.github.rerun4j.cli;

import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.render.scene.RgbCloudSource;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.archetypes.Image;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --rgb-clouds} (render --view 3d, points): colours the scene's cloud from a colour {@link Image} under the
 * same Pinhole (the registered pairing of {@link RgbCloud}, the source chosen by render's {@link RgbCloudSource});
 * several candidates: a warning naming the one used. None: the cloud keeps its colormap, with a warning.
 */
final class RgbClouds {

    private RgbClouds() {
    }

    static DepthCloud apply(Scene scene, DepthCloud cloud, PrintWriter err) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(scene.store(), scene.timeline(), scene.time()));
        String pinhole = cloud.camera().entityPath();
        RgbCloudSource.Pairing pairing = RgbCloudSource.find(scene.store(), scene.timeline(), scene.time(),
                scene.entity(), pinhole, chain);
        switch (pairing.status()) {
            case HINT_WITHOUT_IMAGE -> {
                err.println("rerun4j: warning: colour source " + pairing.source() + " has no image" + scene.describeTime()
                        + "; the points keep their colormap colours");
                return cloud;
            }
            case HINT_UNDER_ANOTHER_PINHOLE -> {
                err.println("rerun4j: warning: colour source " + pairing.source() + " is under "
                        + (pairing.sourcePinhole() == null ? "no pinhole" : "the pinhole " + pairing.sourcePinhole())
                        + ", not the depth image's " + pinhole
                        + ": unregistered pairs are not supported yet; the points keep their colormap colours");
                return cloud;
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

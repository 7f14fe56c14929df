package io.github.rerun4j.cli;

import io.github.rerun4j.render.image.RenderOverrides;
import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.archetypes.DepthImage;

/** The 3D side of a {@link Scene}: the depth image's pinhole camera and its colored point cloud. */
final class CameraScene {

    private CameraScene() {
    }

    /** The cloud of the scene's depth image, or a usage error explaining why there is no 3D view of it. */
    static DepthCloud cloud(Scene scene, RenderOverrides overrides) {
        DepthImage image = scene.depthImage().value();
        TransformChain chain = new TransformChain(new StoreTransformLookup(scene.store(), scene.timeline(), scene.time()));
        PinholeCamera camera = chain.cameraFor(scene.entity()).orElseThrow(() -> CliException.usage(
                "nothing to show in 3D: " + scene.entity() + " has no Pinhole on itself or an ancestor" + scene.describeTime()
                        + ". Rerun back-projects a depth image only under a pinhole camera; log one, e.g. "
                        + "Pinhole.fromFocalLengthAndResolution(f, width, height) on the parent entity. "
                        + "The 2D view works without one: --view 2d."));
        return DepthCloud.of(image, camera, overrides);
    }
}

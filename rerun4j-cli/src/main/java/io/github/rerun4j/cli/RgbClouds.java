package io.github.rerun4j.cli;

import io.github.rerun4j.render.projection.PinholeCamera;
import io.github.rerun4j.render.projection.TransformChain;
import io.github.rerun4j.render.scene.DepthCloud;
import io.github.rerun4j.render.scene.RgbCloud;
import io.github.rerun4j.render.scene.StoreTransformLookup;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec.ImageFields;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.Latest;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code --rgb-clouds} (render --view 3d, points): colours the scene's cloud from a colour {@link Image}. The hint
 * {@code rerun4j.DepthCloudColor:source} on the depth entity names the colour image, under the same Pinhole
 * (registered) or under its own Pinhole and transforms (unregistered, {@link RgbCloud#unregistered}, with the
 * occlusion test when asked); without it the candidates are every other entity with an Image whose Pinhole is the
 * depth image's; several: siblings of the depth entity first, then the Pinhole entity itself, then the smallest
 * path, with a warning. None: the cloud keeps its colormap, with a warning.
 */
final class RgbClouds {

    private RgbClouds() {
    }

    static DepthCloud apply(Scene scene, DepthCloud cloud, boolean occlusion, PrintWriter err) {
        TransformChain chain = new TransformChain(new StoreTransformLookup(scene.store(), scene.timeline(), scene.time()));
        String pinhole = cloud.camera().entityPath();
        String depthParent = parent(scene.entity());
        Optional<String> hint = scene.store().latestAt(scene.entity(), ArchetypeCodec.DEPTH_CLOUD_COLOR_SOURCE.component(),
                scene.timeline(), scene.time()).map(r -> r.read(ArchetypeCodec.DEPTH_CLOUD_COLOR_SOURCE, Serializers.UTF8));
        if (hint.isPresent()) {
            return fromHint(scene, cloud, chain, hint.get(), occlusion, err);
        }
        String buffer = ImageFields.BUFFER.component();
        List<String> candidates = scene.store().entityPaths().stream()
                .filter(e -> !e.equals(scene.entity()))
                .filter(e -> scene.store().components(e).stream().anyMatch(c -> c.component().equals(buffer)))
                .filter(e -> chain.cameraFor(e).map(PinholeCamera::entityPath).filter(pinhole::equals).isPresent())
                .sorted(Comparator.<String, Integer>comparing(e -> parent(e).equals(depthParent) ? 0 : e.equals(pinhole) ? 1 : 2)
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String candidate : candidates) {
            Optional<Latest<Image>> colour = ArchetypeQueries.imageAt(scene.store(), candidate, scene.timeline(), scene.time());
            if (colour.isEmpty()) {
                continue;
            }
            if (candidates.size() > 1) {
                err.println("rerun4j: warning: ambiguous colour source, using " + candidate + " (of "
                        + String.join(", ", candidates) + ")");
            }
            RgbCloud.Result r = RgbCloud.registered(cloud, colour.get().value());
            Image c = colour.get().value();
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
        err.println("rerun4j: warning: --rgb-clouds: no colour image under the pinhole " + pinhole + scene.describeTime()
                + "; the points keep their colormap colours");
        return cloud;
    }

    /** The colour source named by {@code rerun4j.DepthCloudColor:source} on the depth entity. */
    private static DepthCloud fromHint(Scene scene, DepthCloud cloud, TransformChain chain, String path, boolean occlusion,
            PrintWriter err) {
        Optional<Latest<Image>> colour = ArchetypeQueries.imageAt(scene.store(), path, scene.timeline(), scene.time());
        if (colour.isEmpty()) {
            err.println("rerun4j: warning: colour source " + path + " has no image" + scene.describeTime()
                    + "; the points keep their colormap colours");
            return cloud;
        }
        Optional<PinholeCamera> its = chain.cameraFor(path);
        if (its.isEmpty()) {
            err.println("rerun4j: warning: colour source " + path + " is under no pinhole: its camera is unknown;"
                    + " the points keep their colormap colours");
            return cloud;
        }
        if (its.get().entityPath().equals(cloud.camera().entityPath())) {
            return RgbCloud.registered(cloud, colour.get().value()).cloud();
        }
        RgbCloud.Result r = RgbCloud.unregistered(cloud, colour.get().value(), its.get(), occlusion);
        if (r.coloured() == 0) {
            err.println("rerun4j: warning: no point of " + scene.entity() + " projects into " + path + " (pinhole "
                    + its.get().entityPath() + "); the points keep their colormap colours");
        }
        return r.cloud();
    }

    private static String parent(String entity) {
        EntityPath p = EntityPath.parse(entity);
        return p.parent().map(EntityPath::toString).orElse("/");
    }
}

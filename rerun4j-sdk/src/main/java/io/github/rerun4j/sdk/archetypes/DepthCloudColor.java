package io.github.rerun4j.sdk.archetypes;

import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.sdk.types.Require;

/**
 * rerun4j's hint naming the colour image that colours a depth cloud (its RGB-coloured clouds, an extension Rerun
 * does not have): log it on the depth entity. Archetype {@code rerun4j.archetypes.DepthCloudColor}, one component
 * {@code rerun4j.DepthCloudColor:source} of type {@code rerun.components.EntityPath} ({@code Utf8}), which the Rerun
 * viewer lists as an unknown component and otherwise ignores. Only used when RGB clouds are switched on
 * ({@code --rgb-clouds}); without it rerun4j looks for a colour image under the same Pinhole itself.
 *
 * <pre>{@code
 * DepthCloudColor hint = DepthCloudColor.source("world/camera/rgb");
 * hint.source().toString();   // "/world/camera/rgb"
 * // rec.log("world/camera/depth", hint)
 * }</pre>
 *
 * @param source the colour image's entity path (required)
 */
public record DepthCloudColor(EntityPath source) implements Archetype {

    /** Requires the source. */
    public DepthCloudColor {
        Require.nonNull("DepthCloudColor.source", source);
    }

    /** The colour image at {@code entityPath} (parsed like every entity path). */
    public static DepthCloudColor source(String entityPath) {
        return new DepthCloudColor(EntityPath.parse(Require.nonNull("DepthCloudColor.source", entityPath)));
    }

    @Override
    public String archetypeName() {
        return "rerun4j.archetypes.DepthCloudColor";
    }
}

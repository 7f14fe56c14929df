package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;

import io.github.rerun4j.sdk.types.EntityPath;
import java.util.List;
import java.util.Optional;

/**
 * What {@link TransformChain} needs to know about one entity: its latest {@link Transform3D},
 * {@link Pinhole} and {@link ViewCoordinates} at the time being viewed. The CLI implements it with the
 * store's latest-at query; tests use a map.
 *
 * <p>Entity paths are passed in canonical form ({@code "/world/camera"}, see
 * {@code EntityPath.toString()}); the root {@code "/"} is never asked for.
 *
 * <pre>{@code
 * TransformLookup lookup = new TransformLookup() {
 *     public Optional<Transform3D> transformAt(String path) { return Optional.empty(); }
 *     public Optional<Pinhole> pinholeAt(String path) {
 *         return path.equals("/world/camera") ? Optional.of(pinhole) : Optional.empty();
 *     }
 * };
 * }</pre>
 */
public interface TransformLookup {

    /** The transform logged on exactly this entity (parent-from-child unless its relation says otherwise). */
    Optional<Transform3D> transformAt(String entityPath);

    /** The pinhole logged on exactly this entity. */
    Optional<Pinhole> pinholeAt(String entityPath);

    /**
     * A {@code ViewCoordinates} archetype logged on exactly this entity; Rerun uses it as the camera axes
     * of a pinhole that has no {@code camera_xyz} (docs/semantics.md §5.2). Default: none.
     */
    default Optional<ViewCoordinates> viewCoordinatesAt(String entityPath) {
        return Optional.empty();
    }

    /**
     * Every entity that has any data, if known. The chain then asks only about those of them at or above a
     * path instead of about every ancestor: for a path of thousands of parts, asking each ancestor costs time
     * quadratic in the depth (each question names a path as long as the ancestor). Default: unknown.
     */
    default Optional<List<EntityPath>> entitiesWithData() {
        return Optional.empty();
    }
}

package io.github.rerun4j.render.scene;

import io.github.rerun4j.render.projection.TransformLookup;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.EntityPath;
import io.github.rerun4j.store.ArchetypeQueries;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.Latest;
import java.util.List;
import java.util.Optional;

/**
 * The transforms, pinholes and view coordinates of a store as they are at one point in time (latest-at), for
 * {@link io.github.rerun4j.render.projection.TransformChain}.
 *
 * <pre>{@code
 * var chain = new TransformChain(new StoreTransformLookup(store, "frame", 42));
 * }</pre>
 *
 * @param store    the recording
 * @param timeline the timeline of the query, or null for static data only
 * @param time     the time on it
 */
public record StoreTransformLookup(ChunkStore store, String timeline, long time) implements TransformLookup {

    @Override
    public Optional<Transform3D> transformAt(String entityPath) {
        return ArchetypeQueries.transform3DAt(store, entityPath, timeline, time).map(Latest::value);
    }

    @Override
    public Optional<Pinhole> pinholeAt(String entityPath) {
        return ArchetypeQueries.pinholeAt(store, entityPath, timeline, time).map(Latest::value);
    }

    @Override
    public Optional<ViewCoordinates> viewCoordinatesAt(String entityPath) {
        return ArchetypeQueries.viewCoordinatesAt(store, entityPath, timeline, time).map(Latest::value);
    }

    @Override
    public Optional<List<EntityPath>> entitiesWithData() {
        return Optional.of(store.entityPaths().stream().map(EntityPath::parse).toList());
    }
}

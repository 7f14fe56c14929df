package io.github.rerun4j.render.projection;

import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.EntityPath;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A TransformLookup backed by maps; records which paths were asked for. */
final class MapLookup implements TransformLookup {

    final Map<String, Transform3D> transforms = new HashMap<>();
    final Map<String, Pinhole> pinholes = new HashMap<>();
    final Map<String, ViewCoordinates> viewCoordinates = new HashMap<>();
    final java.util.List<String> asked = new java.util.ArrayList<>();
    private boolean knowsEntities;

    /** Answers {@link #entitiesWithData()} with the entities in its maps (as a store does). */
    MapLookup knowingEntities() {
        knowsEntities = true;
        return this;
    }

    @Override
    public Optional<java.util.List<EntityPath>> entitiesWithData() {
        if (!knowsEntities) {
            return Optional.empty();
        }
        java.util.Set<String> all = new java.util.TreeSet<>(transforms.keySet());
        all.addAll(pinholes.keySet());
        all.addAll(viewCoordinates.keySet());
        return Optional.of(all.stream().map(EntityPath::parse).toList());
    }

    MapLookup transform(String path, Transform3D t) {
        transforms.put(EntityPath.parse(path).toString(), t);
        return this;
    }

    MapLookup pinhole(String path, Pinhole p) {
        pinholes.put(EntityPath.parse(path).toString(), p);
        return this;
    }

    MapLookup viewCoordinates(String path, ViewCoordinates v) {
        viewCoordinates.put(EntityPath.parse(path).toString(), v);
        return this;
    }

    @Override
    public Optional<Transform3D> transformAt(String entityPath) {
        asked.add(entityPath);
        return Optional.ofNullable(transforms.get(entityPath));
    }

    @Override
    public Optional<Pinhole> pinholeAt(String entityPath) {
        asked.add(entityPath);
        return Optional.ofNullable(pinholes.get(entityPath));
    }

    @Override
    public Optional<ViewCoordinates> viewCoordinatesAt(String entityPath) {
        return Optional.ofNullable(viewCoordinates.get(entityPath));
    }
}

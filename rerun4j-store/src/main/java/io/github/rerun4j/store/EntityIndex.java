package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.types.EntityPath;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The components of one entity, by identifier ({@code DepthImage:buffer}). */
final class EntityIndex {

    private final EntityPath path;
    private final Map<String, ComponentIndex> components = new ConcurrentHashMap<>();

    EntityIndex(EntityPath path) {
        this.path = path;
    }

    EntityPath path() {
        return path;
    }

    /** The index of {@code descriptor}'s component; the first descriptor seen for an identifier is kept. */
    ComponentIndex component(ComponentDescriptor descriptor) {
        return components.computeIfAbsent(descriptor.component(), k -> new ComponentIndex(descriptor));
    }

    ComponentIndex find(String component) {
        return components.get(component);
    }

    Collection<ComponentIndex> components() {
        return components.values();
    }
}

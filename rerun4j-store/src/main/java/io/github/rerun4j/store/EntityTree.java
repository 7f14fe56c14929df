package io.github.rerun4j.store;

import io.github.rerun4j.sdk.types.EntityPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tree of entity paths, with the implicit ancestors of every entity that has data: a store with data
 * only at {@code /world/camera/depth} has nodes {@code /}, {@code /world}, {@code /world/camera} (all
 * {@code hasData == false}) and {@code /world/camera/depth}.
 *
 * <pre>{@code
 * EntityTree root = store.entityTree();
 * root.find("/world").orElseThrow().hasData();   // false: only a parent of /world/camera
 * root.children().get(0).path();                 // /world
 * }</pre>
 *
 * @param path     the node's path ({@link EntityPath#ROOT} for the root)
 * @param hasData  true if some chunk of exactly this entity was indexed
 * @param children the child nodes, sorted by their last part
 */
public record EntityTree(EntityPath path, boolean hasData, List<EntityTree> children) {

    public EntityTree {
        Objects.requireNonNull(path, "EntityTree.path");
        children = List.copyOf(children);
    }

    /** The tree holding {@code entitiesWithData} and all their ancestors, rooted at {@code /}. */
    public static EntityTree of(Collection<EntityPath> entitiesWithData) {
        Builder root = new Builder(EntityPath.ROOT);
        for (EntityPath p : entitiesWithData) {
            Builder node = root;
            for (String part : p.parts()) {
                Builder parent = node;
                node = parent.children.computeIfAbsent(part, k -> new Builder(parent.path.child(k)));
            }
            node.hasData = true;
        }
        return root.build();
    }

    /** The node at {@code path} (escaped string form, e.g. {@code "/world/camera"}), if it is in the tree. */
    public Optional<EntityTree> find(String path) {
        return find(EntityPath.parse(path));
    }

    /** The node at {@code path}, if it is in the tree. */
    public Optional<EntityTree> find(EntityPath path) {
        if (!path.startsWith(this.path)) {
            return Optional.empty();
        }
        EntityTree node = this;
        for (String part : path.parts().subList(this.path.parts().size(), path.parts().size())) {
            Optional<EntityTree> next = node.children.stream()
                    .filter(c -> c.path.last().orElseThrow().equals(part)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    /** This node and every descendant, depth first, parents before children. */
    public List<EntityTree> flatten() {
        List<EntityTree> out = new ArrayList<>();
        collect(out);
        return out;
    }

    private void collect(List<EntityTree> out) {
        out.add(this);
        children.forEach(c -> c.collect(out));
    }

    @Override
    public String toString() {
        return path + (hasData ? "" : " (implicit)") + (children.isEmpty() ? "" : " " + children);
    }

    private static final class Builder {
        final EntityPath path;
        final TreeMap<String, Builder> children = new TreeMap<>(Comparator.naturalOrder());
        boolean hasData;

        Builder(EntityPath path) {
            this.path = path;
        }

        EntityTree build() {
            return new EntityTree(path, hasData, children.values().stream().map(Builder::build).toList());
        }
    }
}

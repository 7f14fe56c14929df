package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.types.EntityPath;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The components of one entity, by identifier ({@code DepthImage:buffer}), and, for the dataframe, every row
 * of the entity's chunks per timeline (whatever components the row holds) with the component columns that
 * chunks on that timeline carry.
 */
final class EntityIndex {

    private final EntityPath path;
    private final Map<String, ComponentIndex> components = new ConcurrentHashMap<>();
    /** Rows of static chunks, keyed (0, rowId) so that they sort by rowId. */
    private final TemporalIndex staticRows = new TemporalIndex();
    private final Map<String, TemporalIndex> rowsByTimeline = new ConcurrentHashMap<>();
    /** Columns of static chunks, and of chunks per timeline: a dataframe shows a column only where it was logged. */
    private final Map<String, ComponentDescriptor> staticColumns = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ComponentDescriptor>> columnsByTimeline = new ConcurrentHashMap<>();

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

    /** Called by the single writer: indexes every row of {@code chunk} (one of this entity's) for the dataframe. */
    void addRows(Chunk chunk) {
        if (chunk.isStatic()) {
            for (int row = 0; row < chunk.rowCount(); row++) {
                staticRows.add(0, chunk.rowIds().get(row), chunk, row);
            }
            addColumns(chunk, staticColumns);
        }
        for (TimeColumn t : chunk.timelines()) {
            String name = t.timeline().name();
            TemporalIndex rows = rowsByTimeline.computeIfAbsent(name, k -> new TemporalIndex());
            for (int row = 0; row < chunk.rowCount(); row++) {
                rows.add(t.time(row), chunk.rowIds().get(row), chunk, row);
            }
            addColumns(chunk, columnsByTimeline.computeIfAbsent(name, k -> new ConcurrentHashMap<>()));
        }
    }

    private static void addColumns(Chunk chunk, Map<String, ComponentDescriptor> into) {
        for (ComponentColumn c : chunk.components()) {
            into.putIfAbsent(c.descriptor().component(), c.descriptor());
        }
    }

    TemporalIndex staticRows() {
        return staticRows;
    }

    /** The rows on {@code timeline}, or null if the entity has none there ({@code timeline} must not be null). */
    TemporalIndex rows(String timeline) {
        return rowsByTimeline.get(timeline);
    }

    /** Columns of static chunks plus, unless {@code timeline} is null, of chunks on {@code timeline}. */
    Map<String, ComponentDescriptor> columns(String timeline) {
        Map<String, ComponentDescriptor> out = new java.util.TreeMap<>(staticColumns);
        if (timeline != null) {
            columnsByTimeline.getOrDefault(timeline, Map.of()).forEach(out::putIfAbsent);
        }
        return out;
    }
}

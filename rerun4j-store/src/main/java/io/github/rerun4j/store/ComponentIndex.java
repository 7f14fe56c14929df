package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the rows of one component of one entity are: the newest static row (the only static row a query
 * can ever see), and per timeline a {@link TemporalIndex}. Only rows in which the component is non-null are
 * indexed; an empty list (a "clear") is indexed like any value.
 */
final class ComponentIndex {

    private final ComponentDescriptor descriptor;
    private volatile RowRef newestStatic;
    private final Map<String, TemporalIndex> timelines = new ConcurrentHashMap<>();

    ComponentIndex(ComponentDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    ComponentDescriptor descriptor() {
        return descriptor;
    }

    /** Called by the single writer. */
    void addStatic(Chunk chunk, int row, Tuid rowId) {
        RowRef current = newestStatic;
        if (current == null || rowId.compareTo(current.rowId()) > 0) {
            newestStatic = new RowRef(chunk, row, OptionalLong.empty(), rowId);
        }
    }

    /** Called by the single writer. */
    void addTemporal(String timeline, long time, Tuid rowId, Chunk chunk, int row) {
        timelines.computeIfAbsent(timeline, k -> new TemporalIndex()).add(time, rowId, chunk, row);
    }

    /** True if a row of a dataframe on {@code timeline} (null: static only) holds this component. */
    boolean hasDataFor(String timeline) {
        if (newestStatic != null) {
            return true;
        }
        TemporalIndex index = timeline == null ? null : timelines.get(timeline);
        return index != null && index.size() > 0;
    }

    Optional<RowRef> newestStatic() {
        return Optional.ofNullable(newestStatic);
    }

    /** Static data shadows temporal data; {@code timeline == null} asks for static data only. */
    Optional<RowRef> latestAt(String timeline, long time) {
        RowRef s = newestStatic;
        if (s != null) {
            return Optional.of(s);
        }
        if (timeline == null) {
            return Optional.empty();
        }
        TemporalIndex index = timelines.get(timeline);
        return index == null ? Optional.empty() : index.latestAt(time);
    }

    /** Static data shadows temporal data here too: a component with static data returns only that row. */
    List<RowRef> range(String timeline, long min, long max) {
        RowRef s = newestStatic;
        if (s != null) {
            return List.of(s);
        }
        if (timeline == null) {
            return List.of();
        }
        TemporalIndex index = timelines.get(timeline);
        return index == null ? List.of() : index.range(min, max);
    }
}

package io.github.rerun4j.viewer.api;

import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.RowRef;
import java.util.List;
import java.util.TreeSet;

/**
 * The times on one timeline at which a recording has data: what the page's scrubber snaps to and what
 * play and step move through.
 *
 * <pre>{@code
 * List<Long> frames = DataTimes.of(store, "frame");   // e.g. [0, 1, 2, 3, 4]
 * }</pre>
 */
public final class DataTimes {

    private DataTimes() {
    }

    /**
     * The distinct times, ascending, of every row on {@code timeline} that the store's range query sees
     * (static data shadows a component's temporal rows, as in Rerun, so those times do not count). Empty for
     * an unknown timeline.
     */
    public static List<Long> of(ChunkStore store, String timeline) {
        TreeSet<Long> times = new TreeSet<>();
        for (String entity : store.entityPaths()) {
            for (ComponentDescriptor component : store.components(entity)) {
                for (RowRef row : store.range(entity, component.component(), timeline, Long.MIN_VALUE, Long.MAX_VALUE)) {
                    row.time().ifPresent(times::add);
                }
            }
        }
        return List.copyOf(times);
    }
}

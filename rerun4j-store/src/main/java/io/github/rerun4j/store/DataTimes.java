package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import java.util.List;
import java.util.TreeSet;

/**
 * The distinct data times of one timeline at one store generation ({@link ChunkStore#dataTimes}).
 *
 * @param generation the store generation the times were computed at
 * @param times      ascending, unmodifiable
 */
record DataTimes(long generation, List<Long> times) {

    /** Every row the range query sees on {@code timeline}; called under the store's read lock. */
    static DataTimes compute(ChunkStore store, String timeline, long generation) {
        TreeSet<Long> times = new TreeSet<>();
        for (String entity : store.entityPaths()) {
            for (ComponentDescriptor component : store.components(entity)) {
                for (RowRef row : store.range(entity, component.component(), timeline, Long.MIN_VALUE, Long.MAX_VALUE)) {
                    row.time().ifPresent(times::add);
                }
            }
        }
        return new DataTimes(generation, List.copyOf(times));
    }
}

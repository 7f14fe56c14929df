package io.github.rerun4j.sdk.internal.batch;

import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ComponentValue;
import java.util.List;
import java.util.Map;

/**
 * One logged row waiting to be put into a chunk.
 *
 * @param entityPath canonical entity path
 * @param rowId      the row's id, taken at log time so that order is kept
 * @param times      the row's time on each timeline (empty = static)
 * @param values     the row's component values
 */
public record PendingRow(String entityPath, Tuid rowId, Map<Timeline, Long> times, List<ComponentValue<?>> values) {

    public PendingRow {
        times = Map.copyOf(times);
        values = List.copyOf(values);
    }

    long estimatedBytes() {
        long bytes = 16 + 8L * times.size();
        for (ComponentValue<?> v : values) {
            bytes += v.estimatedBytes();
        }
        return bytes;
    }
}

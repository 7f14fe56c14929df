package io.github.rerun4j.sdk.internal.batch;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.Field;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ComponentSerializer;
import io.github.rerun4j.sdk.internal.codec.ComponentValue;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups rows into chunks as Rerun requires: one entity, one set of timelines and one set of components
 * (with one Arrow type each) per chunk, at most {@code maxRows} rows and (unless a row is alone) at most
 * {@link RrdEncoder#MAX_CHUNK_DATA_BYTES} of estimated data, in logging order.
 */
public final class ChunkBuilder {

    private ChunkBuilder() {
    }

    private record GroupKey(String entityPath, List<Timeline> timelines, List<ComponentDescriptor> components,
                            List<Field> types) {
    }

    public static List<Chunk> build(List<PendingRow> rows, int maxRows) {
        return group(rows, maxRows, RrdEncoder.MAX_CHUNK_DATA_BYTES).stream().map(ChunkBuilder::toChunk).toList();
    }

    /**
     * The rows of each chunk {@link #build} makes, in order: what a batcher keeps to send again when a chunk
     * fails. A group is never over {@code maxBytes} of estimated data unless it is a single row.
     */
    static List<List<PendingRow>> group(List<PendingRow> rows, int maxRows, long maxBytes) {
        Map<GroupKey, List<PendingRow>> groups = new LinkedHashMap<>();
        for (PendingRow row : rows) {
            groups.computeIfAbsent(keyOf(row), k -> new ArrayList<>()).add(row);
        }
        List<List<PendingRow>> chunks = new ArrayList<>();
        for (List<PendingRow> all : groups.values()) {
            List<PendingRow> current = new ArrayList<>();
            long bytes = 0;
            for (PendingRow row : all) {
                long rowBytes = row.estimatedBytes();
                if (!current.isEmpty() && (current.size() == maxRows || bytes + rowBytes > maxBytes)) {
                    chunks.add(current);
                    current = new ArrayList<>();
                    bytes = 0;
                }
                current.add(row);
                bytes += rowBytes;
            }
            chunks.add(current);
        }
        return chunks;
    }

    /** One chunk of rows that share entity, timelines and components (a group from {@link #group}). */
    static Chunk toChunk(List<PendingRow> rows) {
        GroupKey key = keyOf(rows.get(0));
        int n = rows.size();
        List<Tuid> rowIds = rows.stream().map(PendingRow::rowId).toList();
        List<TimeColumn> timeColumns = new ArrayList<>();
        for (Timeline timeline : key.timelines()) {
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = rows.get(i).times().get(timeline);
            }
            timeColumns.add(new TimeColumn(timeline, times));
        }
        List<ComponentColumn> columns = new ArrayList<>();
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = i + 1;
        }
        for (int c = 0; c < key.components().size(); c++) {
            List<ComponentValue<?>> values = new ArrayList<>(n);
            for (PendingRow row : rows) {
                values.add(row.values().get(c));
            }
            ArrowArray items = encode(values.get(0).serializer(), values);
            columns.add(new ComponentColumn(key.components().get(c), key.types().get(c),
                    ArrowArray.list(n, null, offsets, items)));
        }
        return new Chunk(Tuid.next(), key.entityPath(), rowIds, timeColumns, columns);
    }

    private static GroupKey keyOf(PendingRow row) {
        List<Timeline> timelines = row.times().keySet().stream().sorted(Comparator.comparing(Timeline::name)).toList();
        List<ComponentDescriptor> components = row.values().stream().map(ComponentValue::descriptor).toList();
        List<Field> types = row.values().stream().map(v -> v.serializer().itemField()).toList();
        return new GroupKey(row.entityPath(), timelines, components, types);
    }

    @SuppressWarnings("unchecked")
    private static <T> ArrowArray encode(ComponentSerializer<T> serializer, List<ComponentValue<?>> values) {
        List<T> typed = new ArrayList<>(values.size());
        for (ComponentValue<?> v : values) {
            typed.add((T) v.value());
        }
        return serializer.encode(typed);
    }
}

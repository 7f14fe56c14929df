package io.github.rerun4j.store;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.Serializers;
import java.util.ArrayList;
import java.util.List;

/** Hand-built chunks with one Float32 component, exact row ids, null rows and empty (cleared) rows. */
final class TestChunks {

    static final ComponentDescriptor METER = ComponentDescriptor.of("DepthImage", "meter", "DepthMeter");
    static final ComponentDescriptor FILL = ComponentDescriptor.of("DepthImage", "point_fill_ratio", "FillRatio");

    private static long nextChunkId = 1;

    private TestChunks() {
    }

    static Tuid rowId(long n) {
        return new Tuid(1_000, n);
    }

    /** {@code values[i]}: null = component not logged in row i, {} = logged as an empty list, {v} = one value. */
    static ComponentColumn floats(ComponentDescriptor d, float[]... values) {
        int n = values.length;
        boolean[] valid = new boolean[n];
        int[] offsets = new int[n + 1];
        List<Float> flat = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            valid[i] = values[i] != null;
            if (values[i] != null) {
                for (float v : values[i]) {
                    flat.add(v);
                }
            }
            offsets[i + 1] = flat.size();
        }
        ArrowArray items = Serializers.FLOAT32.encode(flat);
        return new ComponentColumn(d, Serializers.FLOAT32.itemField(), ArrowArray.list(n, valid, offsets, items));
    }

    static float[] v(float value) {
        return new float[] {value};
    }

    static final float[] CLEARED = new float[0];

    /** A chunk on one sequence timeline ({@code timeline == null}: static). */
    static Chunk chunk(String entity, String timeline, long[] times, long[] rowIds, ComponentColumn... columns) {
        List<TimeColumn> timelines = timeline == null ? List.of() : List.of(new TimeColumn(Timeline.sequence(timeline), times));
        return chunk(entity, timelines, rowIds, columns);
    }

    static Chunk chunk(String entity, List<TimeColumn> timelines, long[] rowIds, ComponentColumn... columns) {
        List<Tuid> ids = new ArrayList<>();
        for (long r : rowIds) {
            ids.add(rowId(r));
        }
        return new Chunk(new Tuid(7, nextChunkId++), entity, ids, timelines, List.of(columns));
    }

    /** A single-row chunk with one meter value on {@code timeline} at {@code time}. */
    static Chunk meter(String entity, String timeline, long time, long rowId, float[] value) {
        return chunk(entity, timeline, new long[] {time}, new long[] {rowId}, floats(METER, value));
    }

    static Float meterOf(RowRef ref) {
        return ref.read(METER, Serializers.FLOAT32);
    }
}

package io.github.rerun4j.sdk.internal.batch;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.TimeColumn;
import io.github.rerun4j.sdk.chunk.Timeline;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.ArrowBuffer;
import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.arrow.ArrowSlices;
import io.github.rerun4j.sdk.internal.arrow.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Chunks that already exist, cut down to some of their rows or joined into one: what the recording tools
 * ({@code filter}, {@code compact}) do to chunks read from a file. The batcher builds chunks from logged
 * values instead ({@link ChunkBuilder}); both keep Rerun's rule of one entity, one set of timelines and one set
 * of components per chunk.
 *
 * <pre>{@code
 * Chunk early = ChunkRows.keep(chunk, row -> chunk.timelines().get(0).time(row) < 100);   // null: none kept
 * if (early != null && ChunkRows.Shape.of(early).equals(ChunkRows.Shape.of(chunk))) {
 *     Chunk both = ChunkRows.concat(List.of(early, chunk));
 * }
 * }</pre>
 */
public final class ChunkRows {

    /**
     * What chunks must share to be joined: entity, timelines (name and type, in order), components with their
     * Arrow item types (in order).
     */
    public record Shape(String entityPath, List<Timeline> timelines, List<ComponentDescriptor> components,
                        List<Field> itemFields) {

        /** The shape of {@code chunk}. */
        public static Shape of(Chunk chunk) {
            return new Shape(chunk.entityPath(), chunk.timelines().stream().map(TimeColumn::timeline).toList(),
                    chunk.components().stream().map(ComponentColumn::descriptor).toList(),
                    chunk.components().stream().map(ComponentColumn::itemField).toList());
        }

        /** True for a chunk without timelines. */
        public boolean isStatic() {
            return timelines.isEmpty();
        }
    }

    private ChunkRows() {
    }

    /**
     * The rows of {@code chunk} that {@code keep} accepts, in order: the chunk itself when it accepts all, null
     * when it accepts none, else a new chunk (new id, the kept rows' ids) whose columns reference the original
     * values where the layout allows.
     *
     * @throws ArrowFormatException when a component's type cannot be cut into rows (see {@link ArrowSlices})
     */
    public static @Nullable Chunk keep(Chunk chunk, IntPredicate keep) throws ArrowFormatException {
        int n = chunk.rowCount();
        List<int[]> ranges = new ArrayList<>();
        int kept = 0;
        for (int row = 0; row < n; ) {
            if (!keep.test(row)) {
                row++;
                continue;
            }
            int start = row;
            while (row < n && keep.test(row)) {
                row++;
            }
            ranges.add(new int[] {start, row - start});
            kept += row - start;
        }
        if (kept == n) {
            return chunk;
        }
        if (kept == 0) {
            return null;
        }
        List<Tuid> rowIds = new ArrayList<>(kept);
        for (int[] r : ranges) {
            rowIds.addAll(chunk.rowIds().subList(r[0], r[0] + r[1]));
        }
        List<TimeColumn> timelines = new ArrayList<>();
        for (TimeColumn t : chunk.timelines()) {
            long[] times = new long[kept];
            int at = 0;
            for (int[] r : ranges) {
                for (int i = 0; i < r[1]; i++) {
                    times[at++] = t.time(r[0] + i);
                }
            }
            timelines.add(new TimeColumn(t.timeline(), times));
        }
        List<ComponentColumn> components = new ArrayList<>();
        for (ComponentColumn c : chunk.components()) {
            List<ArrowSlices.Slice> slices = new ArrayList<>();
            for (int[] r : ranges) {
                slices.add(new ArrowSlices.Slice(c.lists(), r[0], r[1]));
            }
            components.add(new ComponentColumn(c.descriptor(), c.itemField(), ArrowSlices.concat(listField(c), slices)));
        }
        return new Chunk(Tuid.next(), chunk.entityPath(), rowIds, timelines, components);
    }

    /**
     * One chunk (new id) holding every row of {@code chunks} in order; they must all have the same {@link Shape}.
     *
     * @throws IllegalArgumentException when the shapes differ or the list is empty
     * @throws ArrowFormatException     when a component's type cannot be joined (see {@link ArrowSlices})
     */
    public static Chunk concat(List<Chunk> chunks) throws ArrowFormatException {
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("ChunkRows.concat: no chunks");
        }
        Chunk first = chunks.get(0);
        Shape shape = Shape.of(first);
        for (Chunk c : chunks) {
            if (!Shape.of(c).equals(shape)) {
                throw new IllegalArgumentException("ChunkRows.concat: " + c + " does not have the shape of " + first);
            }
        }
        if (chunks.size() == 1) {
            return first;
        }
        List<Tuid> rowIds = new ArrayList<>();
        chunks.forEach(c -> rowIds.addAll(c.rowIds()));
        List<TimeColumn> timelines = new ArrayList<>();
        for (int t = 0; t < shape.timelines().size(); t++) {
            long[] times = new long[rowIds.size()];
            int at = 0;
            for (Chunk c : chunks) {
                TimeColumn column = c.timelines().get(t);
                for (int i = 0; i < column.length(); i++) {
                    times[at++] = column.time(i);
                }
            }
            timelines.add(new TimeColumn(shape.timelines().get(t), times));
        }
        List<ComponentColumn> components = new ArrayList<>();
        for (int k = 0; k < shape.components().size(); k++) {
            List<ArrowSlices.Slice> slices = new ArrayList<>();
            for (Chunk c : chunks) {
                slices.add(ArrowSlices.Slice.all(c.components().get(k).lists()));
            }
            ComponentColumn model = first.components().get(k);
            components.add(new ComponentColumn(model.descriptor(), model.itemField(),
                    ArrowSlices.concat(listField(model), slices)));
        }
        return new Chunk(Tuid.next(), first.entityPath(), rowIds, timelines, components);
    }

    /**
     * The bytes of the chunk's Arrow buffers (row ids, times, component data): its size before IPC framing and
     * compression, the measure of {@code --max-bytes}.
     */
    public static long dataBytes(Chunk chunk) {
        long bytes = (long) chunk.rowCount() * (Tuid.BYTES + 8L * chunk.timelines().size());
        for (ComponentColumn c : chunk.components()) {
            bytes += arrayBytes(c.lists());
        }
        return bytes;
    }

    /** The bytes of an array's buffers and its children's: what it takes in an IPC body, before padding. */
    public static long arrayBytes(ArrowArray array) {
        long bytes = 0;
        for (ArrowBuffer b : array.buffers()) {
            bytes += b.length();
        }
        for (ArrowArray child : array.children()) {
            bytes += arrayBytes(child);
        }
        return bytes;
    }

    /** The column's own field: a nullable list of its items, as {@link io.github.rerun4j.sdk.chunk.ChunkCodec} writes it. */
    private static Field listField(ComponentColumn column) {
        return Field.list(column.descriptor().component(), column.itemField(), true);
    }
}

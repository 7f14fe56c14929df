package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rows of one (entity, component) on one timeline, ordered by (time, rowId): an array of small
 * references into the chunks, appended by the writer and sorted lazily, on the first query after an
 * out-of-order add (rows usually arrive in order, and then no sort ever happens).
 *
 * <p>All methods are synchronized: the lazy sort may run on a reader thread.
 */
final class TemporalIndex {

    /** One indexed row: its key (time, rowId) and where its data is. */
    record Entry(long time, Tuid rowId, Chunk chunk, int row) {
        RowRef toRef() {
            return new RowRef(chunk, row, OptionalLong.of(time), rowId);
        }

        /** For the static rows of an entity, kept in a TemporalIndex with time 0 so that they sort by rowId. */
        RowRef toStaticRef() {
            return new RowRef(chunk, row, OptionalLong.empty(), rowId);
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::time).thenComparing(Entry::rowId);

    private Entry[] entries = new Entry[4];
    private int size;
    private boolean sorted = true;

    synchronized void add(long time, Tuid rowId, Chunk chunk, int row) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        Entry e = new Entry(time, rowId, chunk, row);
        if (sorted && size > 0 && ORDER.compare(entries[size - 1], e) > 0) {
            sorted = false;
        }
        entries[size++] = e;
    }

    synchronized int size() {
        return size;
    }

    /** The row with the largest (time, rowId) whose time is {@code <= time}. */
    synchronized Optional<RowRef> latestAt(long time) {
        ensureSorted();
        int i = upperBound(time) - 1;
        return i < 0 ? Optional.empty() : Optional.of(entries[i].toRef());
    }

    /** The rows with {@code min <= time <= max}, ordered by (time, rowId). */
    synchronized List<RowRef> range(long min, long max) {
        ensureSorted();
        if (min > max) {
            return List.of();
        }
        int from = min == Long.MIN_VALUE ? 0 : upperBound(min - 1);
        int to = upperBound(max);
        List<RowRef> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(entries[i].toRef());
        }
        return out;
    }

    /**
     * Entries {@code [from, to)} in (time, rowId) order (clamped to the size), as temporal refs or, with
     * {@code asStatic}, as static refs (no time). Used by the dataframe to page without copying the index.
     */
    synchronized List<RowRef> slice(int from, int to, boolean asStatic) {
        ensureSorted();
        int end = Math.min(to, size);
        List<RowRef> out = new ArrayList<>(Math.max(0, end - from));
        for (int i = Math.max(0, from); i < end; i++) {
            out.add(asStatic ? entries[i].toStaticRef() : entries[i].toRef());
        }
        return out;
    }

    /** Index of the first entry with a time {@code > time} (entries must be sorted). */
    private int upperBound(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].time() <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void ensureSorted() {
        if (!sorted) {
            Arrays.sort(entries, 0, size, ORDER);
            sorted = true;
        }
    }
}

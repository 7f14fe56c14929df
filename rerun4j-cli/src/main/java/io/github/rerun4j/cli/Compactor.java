package io.github.rerun4j.cli;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.arrow.ArrowFormatException;
import io.github.rerun4j.sdk.internal.batch.ChunkRows;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heart of {@code compact}: chunks of one store and one {@link ChunkRows.Shape} (entity, static or the same
 * timelines, the same components and types) wait in a group, in file order, until one more would pass
 * {@code maxRows} or {@code maxBytes}; the group then goes out as one chunk. Groups of other entities may interleave.
 * Memory stays bounded: when all waiting groups together hold more than {@code pendingBudget} bytes, the oldest go
 * out first.
 */
final class Compactor {

    /** Where chunks go. */
    @FunctionalInterface
    interface Output {
        void chunk(StoreId store, Chunk chunk) throws IOException;
    }

    private record Key(StoreId store, ChunkRows.Shape shape) {
    }

    private static final class Group {
        final List<Chunk> chunks = new ArrayList<>();
        long rows;
        long bytes;
    }

    private final long maxRows;
    private final long maxBytes;
    private final long pendingBudget;
    private final Output output;
    private final Map<Key, Group> groups = new LinkedHashMap<>();
    private long pendingBytes;
    private long chunksIn;

    Compactor(long maxRows, long maxBytes, long pendingBudget, Output output) {
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.pendingBudget = pendingBudget;
        this.output = output;
    }

    /** Takes one chunk read from the input. */
    void add(StoreId store, Chunk chunk) throws IOException {
        chunksIn++;
        Key key = new Key(store, ChunkRows.Shape.of(chunk));
        long bytes = ChunkRows.dataBytes(chunk);
        Group group = groups.get(key);
        if (group != null && (group.rows + chunk.rowCount() > maxRows || group.bytes + bytes > maxBytes)) {
            flush(key);
            group = null;
        }
        if (chunk.rowCount() >= maxRows || bytes >= maxBytes) {
            output.chunk(store, chunk);  // big enough already; its group was flushed above, so order holds
            return;
        }
        if (group == null) {
            group = new Group();
            groups.put(key, group);
        }
        group.chunks.add(chunk);
        group.rows += chunk.rowCount();
        group.bytes += bytes;
        pendingBytes += bytes;
        Iterator<Key> oldest = groups.keySet().iterator();
        while (pendingBytes > pendingBudget && oldest.hasNext()) {
            Key k = oldest.next();
            Group g = groups.get(k);
            oldest.remove();
            write(k, g);
        }
    }

    /** Writes every waiting group: at the end of the input. */
    void finish() throws IOException {
        for (Map.Entry<Key, Group> e : groups.entrySet()) {
            write(e.getKey(), e.getValue());
        }
        groups.clear();
    }

    /** Chunks read so far. */
    long chunksIn() {
        return chunksIn;
    }

    private void flush(Key key) throws IOException {
        Group group = groups.remove(key);
        if (group != null) {
            write(key, group);
        }
    }

    private void write(Key key, Group group) throws IOException {
        pendingBytes -= group.bytes;
        Chunk joined;
        try {
            joined = ChunkRows.concat(group.chunks);
        } catch (ArrowFormatException e) {
            // A column type that cannot be joined (a dense union): the chunks go out as they came.
            for (Chunk c : group.chunks) {
                output.chunk(key.store(), c);
            }
            return;
        }
        output.chunk(key.store(), joined);
    }
}

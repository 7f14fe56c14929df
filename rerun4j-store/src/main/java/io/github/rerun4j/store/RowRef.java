package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.ComponentDescriptor;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.internal.codec.ComponentSerializer;
import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row of an indexed chunk, as a query returns it: a reference into the chunk, never a copy of its data.
 *
 * <pre>{@code
 * RowRef ref = store.latestAt("/world/camera/depth", "DepthImage:meter", "frame", 42).orElseThrow();
 * Float meter = ref.read(DepthImageFields.METER, Serializers.FLOAT32);   // null if cleared
 * ref.time();                                                            // empty for static data
 * }</pre>
 *
 * @param chunk the chunk holding the row (the very instance that was added to the store)
 * @param row   the row's index in {@code chunk}
 * @param time  the row's time on the queried timeline; empty for static rows
 * @param rowId the row's id, which breaks ties between rows at the same time
 */
public record RowRef(Chunk chunk, int row, OptionalLong time, Tuid rowId) {

    /**
     * "Older first": temporal rows by (time, rowId), and static rows after every temporal row (static data
     * shadows temporal data), static rows among themselves by rowId. The maximum is what latest-at returns.
     */
    public static final Comparator<RowRef> LATEST_ORDER = Comparator
            .comparing((RowRef r) -> r.isStatic())
            .thenComparingLong(r -> r.time().orElse(Long.MIN_VALUE))
            .thenComparing(RowRef::rowId);

    public RowRef {
        Objects.requireNonNull(chunk, "RowRef.chunk");
        Objects.requireNonNull(time, "RowRef.time");
        Objects.requireNonNull(rowId, "RowRef.rowId");
        if (row < 0 || row >= chunk.rowCount()) {
            throw new IndexOutOfBoundsException("RowRef.row " + row + " of a chunk with " + chunk.rowCount() + " rows");
        }
    }

    /** True for a row of a static chunk (no timelines). */
    public boolean isStatic() {
        return time.isEmpty();
    }

    /** The entity the row belongs to. */
    public String entityPath() {
        return chunk.entityPath();
    }

    /**
     * How many instances of {@code component} this row holds: 0 when it was logged as an empty list
     * ("cleared") or not logged at all.
     */
    public int instanceCount(String component) {
        return chunk.component(component).map(c -> c.count(row)).orElse(0);
    }

    /** True when the row logged {@code component} (possibly as an empty list). */
    public boolean has(String component) {
        return chunk.component(component).map(c -> !c.isNull(row)).orElse(false);
    }

    /** The column of {@code component} in the row's chunk, if the chunk has one. */
    public java.util.Optional<ComponentColumn> column(String component) {
        return chunk.component(component);
    }

    /**
     * The first instance of {@code descriptor} in this row, decoded; null when absent, cleared or of an
     * unexpected Arrow type (see {@link ArchetypeCodec#read}).
     */
    public <T> T read(ComponentDescriptor descriptor, ComponentSerializer<T> serializer) {
        return ArchetypeCodec.read(chunk, row, descriptor, serializer);
    }

    @Override
    public String toString() {
        return "RowRef[" + chunk.entityPath() + " row " + row + " of chunk " + chunk.id() + ", "
                + (isStatic() ? "static" : "t=" + time.getAsLong()) + ", rowId=" + rowId + "]";
    }
}

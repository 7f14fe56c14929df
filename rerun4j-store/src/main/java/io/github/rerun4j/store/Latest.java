package io.github.rerun4j.store;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A value found by a latest-at query, with the row it was read from.
 *
 * <pre>{@code
 * Latest<DepthImage> depth = ArchetypeQueries.depthImageAt(store, "/world/camera/depth", "frame", 7).orElseThrow();
 * depth.value().meter();   // joined from wherever it was logged
 * depth.time();            // the frame the image itself was logged at, e.g. OptionalLong[5]
 * }</pre>
 *
 * @param value the decoded value
 * @param row   the row of the value's primary component (for a DepthImage: the buffer's row)
 * @param <T>   the value's type
 */
public record Latest<T>(T value, RowRef row) {

    public Latest {
        Objects.requireNonNull(value, "Latest.value");
        Objects.requireNonNull(row, "Latest.row");
    }

    /** When the primary component was logged on the queried timeline; empty if it is static. */
    public OptionalLong time() {
        return row.time();
    }

    /** True if the primary component is static data. */
    public boolean isStatic() {
        return row.isStatic();
    }
}

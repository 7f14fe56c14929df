package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.ComponentColumn;
import io.github.rerun4j.sdk.chunk.Tuid;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One row of a dataframe: one log call's row of one entity, at its time on the table's timeline (empty for a
 * static row). A reference into the chunk; component data is not copied.
 *
 * <pre>{@code
 * DataframeRow r = page.rows().get(0);
 * r.entityPath();                          // "/world/camera/depth"
 * r.time();                                // OptionalLong[0] on log_tick; empty for static rows
 * r.cell("DepthImage:meter");              // the column, if the row logged the component
 * }</pre>
 *
 * @param ref the row in its chunk, with its time on the table's timeline
 */
public record DataframeRow(RowRef ref) {

    public DataframeRow {
        Objects.requireNonNull(ref, "DataframeRow.ref");
    }

    public String entityPath() {
        return ref.entityPath();
    }

    /** The time on the table's timeline; empty for a static row. */
    public OptionalLong time() {
        return ref.time();
    }

    public boolean isStatic() {
        return ref.isStatic();
    }

    public Tuid rowId() {
        return ref.rowId();
    }

    /**
     * The column of {@code component} if this row logged it (possibly as an empty list); empty when the
     * row's chunk has no such column or the row's entry is null. Read the row's instances at
     * {@code column.start(row)} .. {@code + column.count(row)} of {@code column.items()}, with {@code row = ref().row()}.
     */
    public Optional<ComponentColumn> cell(String component) {
        return ref.column(component).filter(c -> !c.isNull(ref.row()));
    }

    /** Every component this row logged, by identifier (sorted). */
    public Map<String, ComponentColumn> cells() {
        Map<String, ComponentColumn> out = new TreeMap<>();
        for (ComponentColumn c : ref.chunk().components()) {
            if (!c.isNull(ref.row())) {
                out.put(c.descriptor().component(), c);
            }
        }
        return out;
    }
}

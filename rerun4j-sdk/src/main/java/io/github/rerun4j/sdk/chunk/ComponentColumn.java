package io.github.rerun4j.sdk.chunk;

import io.github.rerun4j.sdk.internal.arrow.ArrowArray;
import io.github.rerun4j.sdk.internal.arrow.Field;
import java.util.Objects;

/**
 * One component column of a chunk: a list per row (null = not logged in that row) of the component's
 * instances. Columns of components rerun4j does not know are kept exactly as read.
 *
 * @param descriptor identifies the component
 * @param itemField  the Arrow field of one instance (the list's child, named {@code item})
 * @param lists      the column: a List array with one entry per row
 */
public record ComponentColumn(ComponentDescriptor descriptor, Field itemField, ArrowArray lists) {

    /** Checks that no part is null. */
    public ComponentColumn {
        Objects.requireNonNull(descriptor, "ComponentColumn.descriptor");
        Objects.requireNonNull(itemField, "ComponentColumn.itemField");
        Objects.requireNonNull(lists, "ComponentColumn.lists");
    }

    /** Number of rows (lists), null rows included. */
    public int rowCount() {
        return lists.length();
    }

    /** The instances array that the per-row lists index into. */
    public ArrowArray items() {
        return lists.child(0);
    }

    /** True when the component was not logged in {@code row}. */
    public boolean isNull(int row) {
        return lists.isNull(row);
    }

    /** Index of the first instance of {@code row} in {@link #items()}. */
    public int start(int row) {
        return lists.offset(row);
    }

    /** Number of instances logged in {@code row} (0 for a null row). */
    public int count(int row) {
        return isNull(row) ? 0 : lists.offset(row + 1) - lists.offset(row);
    }

    /** The datatype of one instance as a one-line string, e.g. {@code Float32}. */
    public String datatype() {
        return (itemField.nullable() ? "" : "non-null ") + itemField.typeString();
    }

    @Override
    public String toString() {
        return "ComponentColumn[" + descriptor + ": " + datatype() + ", " + rowCount() + " rows]";
    }
}

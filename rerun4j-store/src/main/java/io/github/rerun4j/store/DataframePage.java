package io.github.rerun4j.store;

import io.github.rerun4j.sdk.chunk.TimeType;
import java.util.List;
import java.util.Objects;

/**
 * A page of a dataframe, read in one consistent step: the whole table's row count and columns, and the rows
 * {@code [offset, offset + rows().size())}.
 *
 * <p>Rows are ordered by entity (parents before children, part by part), then within an entity the static rows
 * first (by row id), then by (time, row id). Columns are grouped by entity in the same order and sorted by
 * component identifier within an entity; a column appears only where some chunk of that entity on the table's
 * timeline (or static) carries it.
 *
 * <pre>{@code
 * DataframePage page = store.dataframe(DataframeQuery.onTimeline("log_tick"), 0, 50);
 * page.totalRows();   // e.g. 2 for depth_image_3d
 * page.rows();        // at most 50
 * }</pre>
 *
 * @param query        what was asked for
 * @param timelineType the type of the query's timeline; null for a static-only query or an unknown timeline
 * @param totalRows    rows of the whole table
 * @param offset       index of the first row of {@code rows} in the table
 * @param columns      the whole table's columns
 * @param rows         this page's rows
 */
public record DataframePage(DataframeQuery query, TimeType timelineType, long totalRows, long offset,
                            List<DataframeColumn> columns, List<DataframeRow> rows) {

    public DataframePage {
        Objects.requireNonNull(query, "DataframePage.query");
        if (totalRows < 0 || offset < 0) {
            throw new IllegalArgumentException("DataframePage: totalRows " + totalRows + ", offset " + offset);
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The entities with at least one column, in table order. */
    public List<String> entityPaths() {
        return columns.stream().map(DataframeColumn::entityPath).distinct().toList();
    }
}

package io.github.rerun4j.render.dataframe;

import io.github.rerun4j.sdk.chunk.TimeType;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeColumn;
import io.github.rerun4j.store.DataframePage;
import io.github.rerun4j.store.DataframeQuery;
import io.github.rerun4j.store.DataframeRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A page of the dataframe as text, ready for a terminal, a CSV/JSON export or a browser: one column per
 * distinct component across the page's entities (Rerun groups by entity; a flat table needs one column per
 * component, and rows of entities without that component show {@code -}), cells formatted by
 * {@link CellFormat}, times by {@link TimeFormat}.
 *
 * <p>Static rows have an empty time text and an empty {@link Row#time()} (Rerun's dataframe view leaves the time
 * cell of static data blank). A column that an entity has but that holds no value in any row of the table shows
 * {@code null} in that entity's rows.
 *
 * <pre>{@code
 * DataframeTable t = DataframeTable.of(store.dataframe(DataframeQuery.onTimeline("log_tick"), 0, 100));
 * t.columns().get(0).archetype();   // "Pinhole"
 * t.rows().get(1).cells();          // ["-", "-", "[255, 255, 255, 255, 255, 255, …]", "Viridis", "L U16 300×200", "10 000"]
 * }</pre>
 *
 * @param timeline     the timeline of the time column; null for a static-only table
 * @param timelineType its type; null for a static-only table or an unknown timeline
 * @param totalRows    rows of the whole table (the page may hold fewer)
 * @param offset       index of the first row of {@code rows} in the whole table
 * @param columns      the component columns, in order
 * @param rows         the page's rows; each has one cell per column
 */
public record DataframeTable(String timeline, TimeType timelineType, long totalRows, long offset,
                             List<Column> columns, List<Row> rows) {

    /**
     * One component column.
     *
     * @param component the identifier, e.g. {@code DepthImage:buffer}
     * @param archetype the archetype's short name, e.g. {@code DepthImage} (empty if the identifier has none)
     * @param field     the field name, e.g. {@code buffer}
     * @param entities  the entities that have this column, in table order
     */
    public record Column(String component, String archetype, String field, List<String> entities) {
        public Column {
            Objects.requireNonNull(component, "Column.component");
            Objects.requireNonNull(archetype, "Column.archetype");
            Objects.requireNonNull(field, "Column.field");
            entities = List.copyOf(entities);
        }
    }

    /**
     * One row.
     *
     * @param entityPath the entity (canonical form)
     * @param time       the time value on the timeline (ns for timestamps and durations); empty for static rows
     * @param timeText   the time as text ({@link TimeFormat}); empty for static rows
     * @param rowId      the row id (Rerun's string form)
     * @param cells      one text per column
     */
    public record Row(String entityPath, OptionalLong time, String timeText, String rowId, List<String> cells) {
        public Row {
            Objects.requireNonNull(entityPath, "Row.entityPath");
            Objects.requireNonNull(time, "Row.time");
            Objects.requireNonNull(timeText, "Row.timeText");
            Objects.requireNonNull(rowId, "Row.rowId");
            cells = List.copyOf(cells);
        }

        public boolean isStatic() {
            return time.isEmpty();
        }
    }

    public DataframeTable {
        if (totalRows < 0 || offset < 0) {
            throw new IllegalArgumentException("DataframeTable: totalRows " + totalRows + ", offset " + offset);
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("DataframeTable: a row of " + r.entityPath() + " has "
                        + r.cells().size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** The page {@code [offset, offset + limit)} of {@code query}'s dataframe, formatted. */
    public static DataframeTable query(ChunkStore store, DataframeQuery query, long offset, int limit) {
        return of(store.dataframe(query, offset, limit));
    }

    /** The page formatted: merged columns, {@link CellFormat} cells, {@link TimeFormat} times. */
    public static DataframeTable of(DataframePage page) {
        return of(page, NumberStyle.VIEWER);
    }

    /** As {@link #of(DataframePage)}, with the cells' numbers in {@code numbers}' style. */
    public static DataframeTable of(DataframePage page, NumberStyle numbers) {
        // Per component: the entities that have it, and which of those have it all null.
        Map<String, List<DataframeColumn>> byComponent = new LinkedHashMap<>();
        Map<String, Map<String, DataframeColumn>> byEntity = new java.util.HashMap<>();
        for (DataframeColumn c : page.columns()) {
            byComponent.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c);
            byEntity.computeIfAbsent(c.entityPath(), k -> new java.util.HashMap<>()).put(c.component(), c);
        }
        List<Column> columns = new ArrayList<>();
        for (List<DataframeColumn> group : byComponent.values()) {
            DataframeColumn first = group.get(0);
            columns.add(new Column(first.component(), first.archetypeName(), first.fieldName(),
                    group.stream().map(DataframeColumn::entityPath).toList()));
        }
        List<Row> rows = new ArrayList<>(page.rows().size());
        for (DataframeRow r : page.rows()) {
            List<String> cells = new ArrayList<>(columns.size());
            Map<String, DataframeColumn> ofEntity = byEntity.getOrDefault(r.entityPath(), Map.of());
            for (String component : byComponent.keySet()) {
                DataframeColumn own = ofEntity.get(component);
                if (own == null) {
                    cells.add(CellFormat.MISSING);
                } else if (own.allNull()) {
                    cells.add(CellFormat.ALL_NULL);
                } else {
                    cells.add(CellFormat.format(r, own.component(), numbers));
                }
            }
            String timeText = r.isStatic() || page.timelineType() == null ? ""
                    : TimeFormat.format(page.timelineType(), r.time().getAsLong());
            rows.add(new Row(r.entityPath(), r.time(), timeText, r.rowId().toString(), cells));
        }
        return new DataframeTable(page.query().timeline(), page.timelineType(), page.totalRows(), page.offset(), columns, rows);
    }

    /** The header name of column {@code index}: the component identifier, e.g. {@code DepthImage:buffer}. */
    public String columnName(int index) {
        return columns.get(index).component();
    }
}

package io.github.rerun4j.viewer.api;

import io.github.rerun4j.render.dataframe.DataframeTable;
import java.util.List;
import java.util.Locale;

/**
 * A page of the dataframe as the API sends it, in the API's one JSON style (camelCase, by Jackson like every
 * other route). The CLI's {@code dataframe --format json} keeps its own snake_case document
 * ({@code DataframeJson}); the cells and times are the same {@link DataframeTable} texts.
 *
 * <pre>{@code
 * {"timeline": "log_tick", "timelineType": "sequence", "totalRows": 2, "offset": 0,
 *  "columns": [{"component": "DepthImage:buffer", "archetype": "DepthImage", "field": "buffer", "entities": [...]}],
 *  "rows": [{"entity": "/world/camera/depth", "time": "0", "timeText": "0", "rowId": "...", "cells": [...]}]}
 * }</pre>
 *
 * @param timeline     null for a static-only table
 * @param timelineType {@code sequence}, {@code timestamp}, {@code duration}, or null
 * @param totalRows    rows of the whole table
 * @param offset       index of {@code rows[0]} in the whole table
 * @param columns      the component columns, in order
 * @param rows         this page's rows, one cell per column each
 */
public record DataframePageJson(String timeline, String timelineType, long totalRows, long offset,
                                List<ColumnJson> columns, List<RowJson> rows) {

    /** One column: a component, and the entities of the table that have it. */
    public record ColumnJson(String component, String archetype, String field, List<String> entities) {
    }

    /**
     * One row.
     *
     * @param time the exact time as a decimal string (nanosecond timestamps exceed a double), null when static
     */
    public record RowJson(String entity, String time, String timeText, String rowId, List<String> cells) {
    }

    static DataframePageJson of(DataframeTable table) {
        return new DataframePageJson(table.timeline(),
                table.timelineType() == null ? null : table.timelineType().name().toLowerCase(Locale.ROOT),
                table.totalRows(), table.offset(),
                table.columns().stream().map(c -> new ColumnJson(c.component(), c.archetype(), c.field(), c.entities())).toList(),
                table.rows().stream().map(r -> new RowJson(r.entityPath(),
                        r.isStatic() ? null : Long.toString(r.time().getAsLong()), r.timeText(), r.rowId(), r.cells())).toList());
    }
}

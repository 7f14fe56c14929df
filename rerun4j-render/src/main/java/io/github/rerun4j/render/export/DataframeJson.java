package io.github.rerun4j.render.export;

import io.github.rerun4j.render.dataframe.DataframeTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a {@link DataframeTable} (a page of it) as one JSON object, the shape a browser page or script reads:
 *
 * <pre>{@code
 * {
 *   "timeline": "log_tick",            // null for a static-only table
 *   "timeline_type": "sequence",       // "timestamp", "duration", or null
 *   "total_rows": 2,                   // rows of the whole table
 *   "offset": 0,                       // index of rows[0] in the whole table
 *   "columns": [{"component": "DepthImage:buffer", "archetype": "DepthImage", "field": "buffer",
 *                "entities": ["/world/camera/depth"]}, ...],
 *   "rows": [{"entity": "/world/camera/depth", "time": "0", "time_text": "0", "row_id": "...",
 *             "cells": ["[255, 255, 255, 255, 255, 255, …]", ...]}, ...]
 * }
 * }</pre>
 *
 * <p>{@code time} is the exact integer as a string (null for static rows): nanosecond timestamps exceed the
 * 2^53 that a JavaScript number holds exactly. {@code cells} has one text per column, in column order.
 *
 * <pre>{@code
 * String json = DataframeJson.toJson(table);
 * DataframeJson.write(table, out);   // UTF-8, flushed, not closed
 * }</pre>
 */
public final class DataframeJson {

    private DataframeJson() {
    }

    public static String toJson(DataframeTable table) {
        JsonWriter json = new JsonWriter();
        json.beginObject()
                .name("timeline").value(table.timeline())
                .name("timeline_type").value(table.timelineType() == null ? null : table.timelineType().name().toLowerCase(Locale.ROOT))
                .name("total_rows").value(table.totalRows())
                .name("offset").value(table.offset());
        json.name("columns").beginArray();
        for (DataframeTable.Column c : table.columns()) {
            json.beginObject().name("component").value(c.component()).name("archetype").value(c.archetype())
                    .name("field").value(c.field()).name("entities").beginArray();
            c.entities().forEach(json::value);
            json.endArray().endObject();
        }
        json.endArray();
        json.name("rows").beginArray();
        for (DataframeTable.Row r : table.rows()) {
            json.beginObject().name("entity").value(r.entityPath())
                    .name("time").value(r.isStatic() ? null : Long.toString(r.time().getAsLong()))
                    .name("time_text").value(r.timeText())
                    .name("row_id").value(r.rowId())
                    .name("cells").beginArray();
            r.cells().forEach(json::value);
            json.endArray().endObject();
        }
        json.endArray().endObject();
        return json.toString();
    }

    /** {@link #toJson} and a newline, as UTF-8 (flushed, not closed). */
    public static void write(DataframeTable table, OutputStream out) throws IOException {
        out.write((toJson(table) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

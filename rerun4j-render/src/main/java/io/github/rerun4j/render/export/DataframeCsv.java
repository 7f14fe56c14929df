package io.github.rerun4j.render.export;

import io.github.rerun4j.render.dataframe.CellFormat;
import io.github.rerun4j.render.dataframe.DataframeTable;
import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.DataframeQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link DataframeTable} as CSV (RFC 4180): UTF-8 without a byte-order mark, CRLF line ends, a header
 * row {@code entity,<timeline>,<component>...} (the time column is named {@code time} for a static-only table),
 * then one line per row with the cells as the table formatted them. A field is quoted, with inner quotes
 * doubled, when it holds a comma, a quote, CR or LF. Static rows have an empty time field.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {   // the caller owns the stream
 *     DataframeCsv.write(table, out);
 * }
 * // entity,log_tick,Pinhole:image_from_camera,...
 * // /world/camera,0,"[200, 0, 0, 0, 200, 0, …]",...
 * }</pre>
 *
 * <p>The stream is flushed but not closed.
 */
public final class DataframeCsv {

    /** Rows formatted per step when a whole table is streamed from a store. */
    static final int PAGE_ROWS = 1000;

    private DataframeCsv() {
    }

    /**
     * The whole table of {@code query} as CSV, formatted and written a page of rows at a time, so memory stays
     * at one page however large the table (a server streams it; nothing waits for the last row). The bytes
     * are those of {@code write(DataframeTable.of(store.dataframe(query)), out)}. If the store grows while
     * this runs, the table is cut at the row count of its first page and later pages keep the first page's
     * columns. The stream is flushed but not closed.
     */
    public static void write(ChunkStore store, DataframeQuery query, OutputStream out) throws IOException {
        write(store, query, out, PAGE_ROWS);
    }

    static void write(ChunkStore store, DataframeQuery query, OutputStream out, int pageRows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        DataframeTable page = DataframeTable.query(store, query, 0, pageRows);
        List<String> header = page.columns().stream().map(DataframeTable.Column::component).toList();
        writeHeader(page, w);
        long total = page.totalRows();
        long written = 0;
        while (!page.rows().isEmpty() && written < total) {
            List<DataframeTable.Row> rows = page.rows().subList(0, (int) Math.min(page.rows().size(), total - written));
            writeRows(aligned(rows, page, header), w);
            written += rows.size();
            if (written < total) {
                page = DataframeTable.query(store, query, written, pageRows);
            }
        }
        w.flush();
    }

    /** Rows of a later page with their cells in the first page's column order (the store may have grown). */
    private static List<DataframeTable.Row> aligned(List<DataframeTable.Row> rows, DataframeTable page, List<String> header) {
        List<String> columns = page.columns().stream().map(DataframeTable.Column::component).toList();
        if (columns.equals(header)) {
            return rows;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<DataframeTable.Row> out = new ArrayList<>(rows.size());
        for (DataframeTable.Row r : rows) {
            List<String> cells = new ArrayList<>(header.size());
            for (String component : header) {
                Integer i = index.get(component);
                cells.add(i == null ? CellFormat.MISSING : r.cells().get(i));
            }
            out.add(new DataframeTable.Row(r.entityPath(), r.time(), r.timeText(), r.rowId(), cells));
        }
        return out;
    }

    public static void write(DataframeTable table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(table, w);
        w.flush();
    }

    /** As {@link #write(DataframeTable, OutputStream)}, to a character stream (flushed, not closed). */
    public static void write(DataframeTable table, Writer w) throws IOException {
        writeHeader(table, w);
        writeRows(table.rows(), w);
        w.flush();
    }

    private static void writeHeader(DataframeTable table, Writer w) throws IOException {
        w.write("entity,");
        w.write(field(table.timeline() == null ? "time" : table.timeline()));
        for (DataframeTable.Column c : table.columns()) {
            w.write(',');
            w.write(field(c.component()));
        }
        w.write("\r\n");
    }

    private static void writeRows(List<DataframeTable.Row> rows, Writer w) throws IOException {
        for (DataframeTable.Row r : rows) {
            w.write(field(r.entityPath()));
            w.write(',');
            w.write(field(r.timeText()));
            for (String cell : r.cells()) {
                w.write(',');
                w.write(field(cell));
            }
            w.write("\r\n");
        }
    }

    /** {@code text} as one CSV field: quoted (quotes doubled) if it holds a comma, quote, CR or LF. */
    public static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}

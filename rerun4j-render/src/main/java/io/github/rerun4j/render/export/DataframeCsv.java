package io.github.rerun4j.render.export;

import io.github.rerun4j.render.dataframe.DataframeTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

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

    private DataframeCsv() {
    }

    public static void write(DataframeTable table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(table, w);
        w.flush();
    }

    /** As {@link #write(DataframeTable, OutputStream)}, to a character stream (flushed, not closed). */
    public static void write(DataframeTable table, Writer w) throws IOException {
        w.write("entity,");
        w.write(field(table.timeline() == null ? "time" : table.timeline()));
        for (DataframeTable.Column c : table.columns()) {
            w.write(',');
            w.write(field(c.component()));
        }
        w.write("\r\n");
        for (DataframeTable.Row r : table.rows()) {
            w.write(field(r.entityPath()));
            w.write(',');
            w.write(field(r.timeText()));
            for (String cell : r.cells()) {
                w.write(',');
                w.write(field(cell));
            }
            w.write("\r\n");
        }
        w.flush();
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

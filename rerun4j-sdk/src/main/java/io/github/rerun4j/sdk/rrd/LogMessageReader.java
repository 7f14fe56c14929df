package io.github.rerun4j.sdk.rrd;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code .rrd} file as {@link LogMessage}s: store infos and decoded chunks, in file order.
 *
 * <p>Errors: damaged framing ends the file (every complete message before it was returned, then one
 * {@link RrdFormatException} with the byte offset). A message whose framing is fine but whose chunk cannot be
 * decoded throws an {@link RrdFormatException} for that message only; calling {@link #next()} again goes on
 * with the following message, as Rerun's viewer skips such a message when it opens a file.
 *
 * <pre>{@code
 * try (LogMessageReader reader = LogMessageReader.open(Path.of("depth.rrd"))) {
 *     for (var entry = reader.next(); entry != null; entry = reader.next()) {
 *         if (entry.message() instanceof LogMessage.ChunkMessage c) {
 *             System.out.println(c.chunk());
 *         }
 *     }
 * }
 * }</pre>
 */
public final class LogMessageReader implements Closeable {

    /**
     * One message of the file.
     *
     * @param message the decoded message, or null for records without one (End marker, blueprint activation)
     * @param record  the raw record: message, byte offset, framed length, compression
     */
    public record Entry(@Nullable LogMessage message, RrdRecord record) {
        /** Requires the record; the message may be absent. */
        public Entry {
            Objects.requireNonNull(record, "record");
        }
    }

    private final RrdReader reader;

    private LogMessageReader(RrdReader reader) {
        this.reader = reader;
    }

    /** Reads the file at {@code path}; close the reader to close the file. */
    public static LogMessageReader open(Path path) throws IOException {
        return new LogMessageReader(RrdReader.open(path));
    }

    /** Reads {@code in} from its current position; closing the reader closes it. */
    public static LogMessageReader of(InputStream in) {
        return new LogMessageReader(RrdReader.of(in));
    }

    /** The next entry, or null at the end of the input. */
    public @Nullable Entry next() throws IOException {
        RrdRecord record = reader.next();
        if (record == null) {
            return null;
        }
        return new Entry(LogMessageCodec.decode(record), record);
    }

    /** Every log message of the file; throws at the first problem of any kind. */
    public static List<LogMessage> readAll(Path path) throws IOException {
        List<LogMessage> out = new ArrayList<>();
        try (LogMessageReader r = open(path)) {
            for (Entry e = r.next(); e != null; e = r.next()) {
                if (e.message() != null) {
                    out.add(e.message());
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

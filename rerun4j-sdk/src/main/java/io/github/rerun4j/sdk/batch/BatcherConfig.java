package io.github.rerun4j.sdk.batch;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.types.TimeNanos;
import java.time.Duration;

/**
 * When logged rows are grouped into chunks and handed to the sink: after {@code flushInterval}, or when
 * {@code flushBytes} are pending, whichever comes first; no chunk holds more than {@code maxRowsPerChunk}.
 * Pending bytes never exceed {@code flushBytes} plus one row: the logging call that crosses the threshold
 * writes the batch itself (back-pressure, nothing is dropped).
 *
 * <p><b>What a crash loses.</b> Rows still pending in the batcher: if the process dies (SIGKILL, JVM crash, OOM
 * killer) at most the rows logged in the last {@code flushInterval} plus a quarter of it (the timer looks every
 * {@code flushInterval / 4}; 250 ms with the defaults) and never more than {@code flushBytes} plus one row
 * (2 MiB with the defaults), plus the one message being written at that moment, which a reader reports as a
 * cut tail after every earlier message. {@link io.github.rerun4j.sdk.RecordingStream#flush()} loses nothing
 * logged before it once it returns. Everything written is in the operating system's page cache, which
 * survives the process; a power loss or kernel crash can also lose what the OS had not yet put on disk, unless
 * the {@link io.github.rerun4j.sdk.sink.FileSink} syncs on flush ({@code syncOnFlush}), which makes everything
 * before a returned {@code flush()} or {@code close()} durable. {@link #IMMEDIATE} writes every row before its
 * log call returns. Tested by {@code ProcessKillTest} (child JVMs killed with SIGKILL). An orderly exit (end of
 * {@code main}, {@code System.exit}, Ctrl-C, SIGTERM) loses nothing: a shutdown hook writes the pending rows of
 * every stream not yet closed ({@code ExitFlushProcessTest}; see {@code RecordingStream.Builder.flushOnExit}).
 *
 * <pre>{@code
 * BatcherConfig lowLatency = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMillis(8));
 * }</pre>
 */
public record BatcherConfig(Duration flushInterval, long flushBytes, int maxRowsPerChunk) {

    /** Rerun's SDK defaults: 200 ms, 2 MiB, 4096 rows. */
    public static final BatcherConfig DEFAULT = new BatcherConfig(Duration.ofMillis(200), 2L << 20, 4096);

    /** Every log call becomes its own chunk, written before the call returns. */
    public static final BatcherConfig IMMEDIATE = new BatcherConfig(Duration.ZERO, 0, 1);

    public BatcherConfig {
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.compareTo(TimeNanos.MAX_DURATION) > 0) {
            throw new InvalidArgumentException("BatcherConfig.flushInterval", String.valueOf(flushInterval),
                    "a duration from 0 to " + TimeNanos.MAX_DURATION + " (what 64-bit nanoseconds hold)");
        }
        if (flushBytes < 0) {
            throw new InvalidArgumentException("BatcherConfig.flushBytes", String.valueOf(flushBytes), "a byte count >= 0");
        }
        if (maxRowsPerChunk < 1) {
            throw new InvalidArgumentException("BatcherConfig.maxRowsPerChunk", String.valueOf(maxRowsPerChunk), "at least 1");
        }
    }

    public BatcherConfig withFlushInterval(Duration interval) {
        return new BatcherConfig(interval, flushBytes, maxRowsPerChunk);
    }

    public BatcherConfig withFlushBytes(long bytes) {
        return new BatcherConfig(flushInterval, bytes, maxRowsPerChunk);
    }

    public BatcherConfig withMaxRowsPerChunk(int rows) {
        return new BatcherConfig(flushInterval, flushBytes, rows);
    }
}

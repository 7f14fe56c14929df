package io.github.rerun4j.sdk.internal.batch;

import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.internal.codec.ComponentValue;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.sdk.types.ErrorText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects rows and hands them to a sink as chunks, by size (synchronously, in the logging thread that
 * crosses the threshold: that is the back-pressure) and by age (from a daemon timer thread).
 *
 * <p><b>Failed writes lose nothing silently.</b> When the sink fails a chunk, that chunk's rows and every row
 * not yet sent stay queued, in order, and the next write (timer, threshold, {@link #flush}, {@link #close})
 * sends them again; the sink's contract (a failed send leaves nothing behind) makes that safe. So every row
 * whose {@link #add} returned is either written or reported:
 * <ul>
 *   <li>{@link #add} throws only when its own row was not taken: the row is too large, the stream is closed, or
 *       the row brought the queue to the size threshold and the write it started failed; the row is then taken
 *       back out, so that a caller who retries does not log it twice;</li>
 *   <li>{@link #flush} returns only once every earlier row is written, and throws otherwise (the rows stay
 *       queued);</li>
 *   <li>{@link #close} throws, naming how many rows it could not write, when rows are left.</li>
 * </ul>
 * Memory stays bounded while the sink fails: once {@code flushBytes} are queued, every further {@code add}
 * tries to write and, failing, refuses its row.
 */
public final class Batcher implements AutoCloseable {

    private final BatcherConfig config;
    private final StoreId storeId;
    private final Sink sink;
    private final long maxChunkBytes;
    private final Object pendingLock = new Object();
    private final Object writeLock = new Object();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> tick;

    private List<PendingRow> pending = new ArrayList<>();
    private long pendingBytes;
    private long oldestNanos;
    private boolean closed;

    public Batcher(BatcherConfig config, StoreId storeId, Sink sink) {
        this(config, storeId, sink, RrdEncoder.MAX_CHUNK_DATA_BYTES);
    }

    /** Test hook: {@code maxChunkBytes} in place of what one {@code .rrd} message can carry. */
    Batcher(BatcherConfig config, StoreId storeId, Sink sink, long maxChunkBytes) {
        this.config = config;
        this.storeId = storeId;
        this.sink = sink;
        this.maxChunkBytes = maxChunkBytes;
        long intervalNanos = config.flushInterval().toNanos();
        if (intervalNanos > 0 && config.maxRowsPerChunk() > 1) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rerun4j-batcher-" + storeId.recordingId());
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(intervalNanos / 4, TimeUnit.MILLISECONDS.toNanos(1));
            tick = timer.scheduleAtFixedRate(this::flushIfOld, period, period, TimeUnit.NANOSECONDS);
        } else {
            timer = null;
            tick = null;
        }
    }

    /**
     * Queues a row; writes the batch before returning if it is now due by size.
     *
     * @throws InvalidArgumentException if the row holds more data than one message can carry (nothing queued)
     * @throws IllegalStateException    after {@link #close()}
     * @throws IOException              if the write this row started failed; the row is not queued then
     */
    public void add(PendingRow row) throws IOException {
        long bytes = row.estimatedBytes();
        if (bytes > maxChunkBytes) {
            throw tooLarge(row, bytes);
        }
        boolean due;
        synchronized (pendingLock) {
            if (closed) {
                throw new IllegalStateException("RecordingStream " + storeId.recordingId() + " is closed");
            }
            if (pending.isEmpty()) {
                oldestNanos = System.nanoTime();
            }
            pending.add(row);
            pendingBytes += bytes;
            due = pendingBytes >= config.flushBytes() || config.flushInterval().isZero() || config.maxRowsPerChunk() == 1;
        }
        if (due) {
            synchronized (writeLock) {
                try {
                    writePending();
                } catch (IOException e) {
                    if (withdraw(row)) {
                        throw new IOException("the row was not logged: " + e.getMessage() + " (" + pendingRows()
                                + " rows logged before it stay queued; the next write sends them again)", e);
                    }
                    // The row itself was written; the rows that failed stay queued for the next write, which
                    // reports the failure if it persists.
                }
            }
        }
    }

    private InvalidArgumentException tooLarge(PendingRow row, long bytes) {
        ComponentValue<?> largest = row.values().get(0);
        for (ComponentValue<?> v : row.values()) {
            if (v.estimatedBytes() > largest.estimatedBytes()) {
                largest = v;
            }
        }
        return new InvalidArgumentException(largest.descriptor().component() + " at " + row.entityPath(),
                largest.estimatedBytes() + " bytes (" + bytes + " in the row)",
                "at most " + maxChunkBytes + " bytes in one logged row (what one .rrd message can carry in every"
                        + " encoding: LZ4's block limit of " + RrdEncoder.MAX_LZ4_INPUT_BYTES + " bytes less room for Arrow metadata)");
    }

    /** Takes {@code row} back out of the queue; false if it is no longer there (it was written). */
    private boolean withdraw(PendingRow row) {
        synchronized (pendingLock) {
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i) == row) {
                    pending.remove(i);
                    pendingBytes -= row.estimatedBytes();
                    return true;
                }
            }
            return false;
        }
    }

    /** Writes every queued row and flushes the sink; throws if any row could not be written (it stays queued). */
    public void flush() throws IOException {
        // Under writeLock: a timer write still in progress finishes (and re-queues what it could not send) first.
        synchronized (writeLock) {
            try {
                writePending();
            } catch (IOException e) {
                throw new IOException(e.getMessage() + " (" + pendingRows()
                        + " rows stay queued; the next write sends them again)", e);
            }
            sink.flush();
        }
    }

    /** Rows queued and not yet written. */
    public int pendingRows() {
        synchronized (pendingLock) {
            return pending.size();
        }
    }

    private void flushIfOld() {
        boolean old;
        synchronized (pendingLock) {
            old = !pending.isEmpty() && System.nanoTime() - oldestNanos >= config.flushInterval().toNanos();
        }
        if (old) {
            synchronized (writeLock) {
                try {
                    writePending();
                } catch (IOException | RuntimeException | Error e) {
                    // Nothing is lost: the rows are queued again, and the next write retries and reports it to
                    // a caller. Letting it escape would also cancel this timer for good.
                }
            }
        }
    }

    /**
     * Sends every queued row, chunk by chunk. When the sink fails, the rows of the failed chunk and of every
     * later one go back to the head of the queue (before rows logged meanwhile) and the failure is thrown.
     * The caller holds {@code writeLock}.
     */
    private void writePending() throws IOException {
        List<PendingRow> rows;
        synchronized (pendingLock) {
            if (pending.isEmpty()) {
                return;
            }
            rows = pending;
            pending = new ArrayList<>();
            pendingBytes = 0;
        }
        List<List<PendingRow>> chunks;
        try {
            chunks = ChunkBuilder.group(rows, config.maxRowsPerChunk(), maxChunkBytes);
        } catch (RuntimeException e) {
            requeue(rows);
            throw new IOException("grouping " + rows.size() + " rows into chunks failed: " + e, e);
        }
        for (int i = 0; i < chunks.size(); i++) {
            try {
                sink.send(new LogMessage.ChunkMessage(storeId, ChunkBuilder.toChunk(chunks.get(i))));
            } catch (IOException | RuntimeException e) {
                requeue(unsent(chunks, i));
                throw new IOException(ErrorText.describe(e), e);
            } catch (Error e) {
                // Out of memory while encoding: the rows stay queued and the caller sees the error itself.
                requeue(unsent(chunks, i));
                throw e;
            }
        }
    }

    private static List<PendingRow> unsent(List<List<PendingRow>> chunks, int from) {
        List<PendingRow> rows = new ArrayList<>();
        chunks.subList(from, chunks.size()).forEach(rows::addAll);
        return rows;
    }

    /** Puts {@code rows} back at the head of the queue. */
    private void requeue(List<PendingRow> rows) {
        synchronized (pendingLock) {
            List<PendingRow> queue = new ArrayList<>(rows.size() + pending.size());
            queue.addAll(rows);
            queue.addAll(pending);
            pending = queue;
            for (PendingRow row : rows) {
                pendingBytes += row.estimatedBytes();
            }
            // The timer tries again one interval from now, not at every tick.
            oldestNanos = System.nanoTime();
        }
    }

    /**
     * Writes what is queued, stops the timer and closes the sink. Rows logged afterwards are rejected.
     *
     * @throws IOException if rows could not be written (they are lost then, and counted in the message) or the
     *                     sink failed to close; the sink is closed in any case
     */
    @Override
    public void close() throws IOException {
        synchronized (pendingLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (tick != null) {
            tick.cancel(false);
            timer.shutdown();
        }
        synchronized (writeLock) {
            IOException unwritten = null;
            try {
                writePending();
            } catch (IOException e) {
                int lost;
                synchronized (pendingLock) {
                    lost = pending.size();
                    pending = new ArrayList<>();
                    pendingBytes = 0;
                }
                unwritten = new IOException(lost + " logged rows could not be written before closing: " + e.getMessage(), e);
            } finally {
                // Closed whatever happened above (an Error included): nobody else will ever close it.
                try {
                    sink.close();
                } catch (IOException | RuntimeException e) {
                    if (unwritten == null) {
                        throw e;
                    }
                    unwritten.addSuppressed(e);
                }
            }
            if (unwritten != null) {
                throw unwritten;
            }
        }
    }
}

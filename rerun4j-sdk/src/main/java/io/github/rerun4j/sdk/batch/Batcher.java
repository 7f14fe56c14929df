package io.github.rerun4j.sdk.batch;

import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.sink.Sink;
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
 * <p>A failure of a timer-driven write is kept and thrown from the next {@link #add}, {@link #flush} or
 * {@link #close}, so it always reaches the caller.
 */
public final class Batcher implements AutoCloseable {

    private final BatcherConfig config;
    private final StoreId storeId;
    private final Sink sink;
    private final Object pendingLock = new Object();
    private final Object writeLock = new Object();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> tick;

    private List<PendingRow> pending = new ArrayList<>();
    private long pendingBytes;
    private long oldestNanos;
    private boolean closed;
    private IOException backgroundFailure;

    public Batcher(BatcherConfig config, StoreId storeId, Sink sink) {
        this.config = config;
        this.storeId = storeId;
        this.sink = sink;
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

    /** Queues a row; writes the batch before returning if it is now due by size. */
    public void add(PendingRow row) throws IOException {
        boolean due;
        synchronized (pendingLock) {
            if (closed) {
                throw new IllegalStateException("RecordingStream " + storeId.recordingId() + " is closed");
            }
            if (pending.isEmpty()) {
                oldestNanos = System.nanoTime();
            }
            pending.add(row);
            pendingBytes += row.estimatedBytes();
            due = pendingBytes >= config.flushBytes() || config.flushInterval().isZero() || config.maxRowsPerChunk() == 1;
        }
        rethrowBackgroundFailure();
        if (due) {
            writePending();
        }
    }

    /** Writes every queued row and flushes the sink. */
    public void flush() throws IOException {
        // Under writeLock: a timer write still in progress finishes (and records its failure) first.
        synchronized (writeLock) {
            rethrowBackgroundFailure();
            writePending();
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
            // The failure is recorded before writeLock is released, so a flush() or close() waiting for this
            // write sees it.
            synchronized (writeLock) {
                try {
                    writePending();
                } catch (IOException | RuntimeException e) {
                    synchronized (pendingLock) {
                        if (backgroundFailure == null) {
                            backgroundFailure = e instanceof IOException io ? io : new IOException(e.toString(), e);
                        }
                    }
                }
            }
        }
    }

    private void rethrowBackgroundFailure() throws IOException {
        IOException failure;
        synchronized (pendingLock) {
            failure = backgroundFailure;
            backgroundFailure = null;
        }
        if (failure != null) {
            throw new IOException("an earlier background write failed: " + failure.getMessage(), failure);
        }
    }

    private void writePending() throws IOException {
        synchronized (writeLock) {
            List<PendingRow> rows;
            synchronized (pendingLock) {
                if (pending.isEmpty()) {
                    return;
                }
                rows = pending;
                pending = new ArrayList<>();
                pendingBytes = 0;
            }
            for (Chunk chunk : ChunkBuilder.build(rows, config.maxRowsPerChunk())) {
                sink.send(new LogMessage.ChunkMessage(storeId, chunk));
            }
        }
    }

    /** Writes what is queued, stops the timer and closes the sink. Rows logged afterwards are rejected. */
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
            try {
                rethrowBackgroundFailure();
                writePending();
            } finally {
                sink.close();
            }
        }
    }
}

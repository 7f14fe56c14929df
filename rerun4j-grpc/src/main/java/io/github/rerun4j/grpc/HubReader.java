package io.github.rerun4j.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One {@code ReadMessages} stream: a queue of what the hub broadcast and the reader has not taken yet, drained only
 * while the transport says the reader is ready (gRPC flow control), so a slow reader is never buffered inside the
 * HTTP stack. A reader whose queue grows past its history snapshot plus {@code backlogLimit} has stopped reading:
 * its stream ends with {@code RESOURCE_EXHAUSTED} and the hub forgets it; the others go on and memory stays
 * bounded. Every call on the stream runs on {@code executor} (the connection's event loop), one at a time.
 */
final class HubReader {

    private final ServerCall<byte[], ProxyMessage> call;
    private final Executor executor;
    private final long backlogLimit;
    private final ArrayDeque<ProxyMessage> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long snapshotBytes;
    private boolean finishing;
    private Status failure;
    private boolean done;

    HubReader(ServerCall<byte[], ProxyMessage> call, Executor executor, long backlogLimit) {
        this.call = call;
        this.executor = executor;
        this.backlogLimit = backlogLimit;
    }

    /** Called by the hub under its lock: the history, before any live message. */
    void offerSnapshot(List<ProxyMessage> snapshot) {
        synchronized (this) {
            for (ProxyMessage m : snapshot) {
                queue.addLast(m);
                queuedBytes += m.size();
            }
            snapshotBytes = queuedBytes;
        }
        schedule();
    }

    /** Called by the hub under its lock: one live message. Never blocks. */
    void offer(ProxyMessage message) {
        synchronized (this) {
            if (done || failure != null) {
                return;
            }
            queue.addLast(message);
            queuedBytes += message.size();
            if (queuedBytes > snapshotBytes + backlogLimit) {
                failure = Status.RESOURCE_EXHAUSTED.withDescription("this reader fell " + queuedBytes
                        + " bytes behind (limit " + (snapshotBytes + backlogLimit) + "): it stopped reading;"
                        + " connect again to get the history");
                queue.clear();
                queuedBytes = 0;
            }
        }
        schedule();
    }

    /** Ends the stream with {@code grpc-status: 0} once everything queued is sent. */
    void finish() {
        synchronized (this) {
            finishing = true;
        }
        schedule();
    }

    /** Ends the stream now, whatever is still queued (a reader that does not drain at shutdown). */
    void abort() {
        synchronized (this) {
            queue.clear();
            queuedBytes = 0;
            finishing = true;
        }
        schedule();
    }

    synchronized boolean isDone() {
        return done;
    }

    /** The client went away: drop what is queued. */
    synchronized void cancelled() {
        done = true;
        queue.clear();
        queuedBytes = 0;
    }

    void schedule() {
        executor.execute(this::drain);
    }

    /**
     * Runs on the executor: sends while the transport is ready. Never calls into the transport while holding this
     * reader's lock: closing the call runs its listener, which unsubscribes from the hub (the hub's lock), while a
     * publisher holding the hub's lock waits for this one in {@link #offer} (a deadlock seen in tests).
     */
    private void drain() {
        while (true) {
            ProxyMessage next = null;
            Status closeWith = null;
            synchronized (this) {
                if (done) {
                    return;
                }
                if (failure != null) {
                    done = true;
                    closeWith = failure;
                } else if (queue.isEmpty()) {
                    if (!finishing) {
                        return;
                    }
                    done = true;
                    closeWith = Status.OK;
                } else if (!call.isReady()) {
                    return;  // onReady schedules the next drain
                } else {
                    next = queue.pollFirst();
                    queuedBytes -= next.size();
                    snapshotBytes = Math.max(0, snapshotBytes - next.size());
                }
            }
            if (closeWith != null) {
                closeQuietly(closeWith);
                return;
            }
            try {
                call.sendMessage(next);
            } catch (RuntimeException e) {
                // The stream is gone (cancelled under us): nothing more to send.
                cancelled();
                return;
            }
        }
    }

    private void closeQuietly(Status status) {
        try {
            call.close(status, new Metadata());
        } catch (RuntimeException ignored) {
            // already closed by the client
        }
    }
}

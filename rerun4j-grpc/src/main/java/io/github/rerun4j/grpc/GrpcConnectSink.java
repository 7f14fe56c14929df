package io.github.rerun4j.grpc;

import io.github.rerun4j.sdk.InvalidArgumentException;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.Sink;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rerun's {@code connect_grpc()}: sends the recording to a message proxy hosted elsewhere (the native viewer,
 * {@code rerun --serve-grpc}, {@code rerun4j serve}, another process's {@link GrpcServeSink}) over one long
 * {@code WriteMessages} call (native gRPC, cleartext HTTP/2), from a sender thread of its own.
 *
 * <ul>
 *   <li><b>Back-pressure.</b> {@link #send} queues the encoded message (up to {@code queueBytes}) and returns; when
 *       the queue is full it waits for the sender, and gives up with an {@link IOException} (message not queued)
 *       after {@code timeout} without progress.</li>
 *   <li><b>Flush</b> returns when everything sent before it has been handed to the HTTP/2 stream and the stream
 *       took it (gRPC flow control); there is no acknowledgement per message in Rerun's protocol.</li>
 *   <li><b>Connect at once.</b> The connection is opened when the sink is created, so the first message does not
 *       wait for it.</li>
 *   <li><b>Reconnect.</b> A failed connection or call is retried with backoff (100 ms doubling to 5 s); the
 *       recording's store infos are sent again first, so a restarted viewer knows the recording. Messages the
 *       transport had taken when the call failed may be lost, as with Rerun's own client.</li>
 *   <li><b>Nothing listening</b> makes {@link #flush()}, {@link #close()} and a blocked {@link #send} fail after
 *       {@code timeout} with the URL and the cause ({@code UNAVAILABLE: Connection refused}).</li>
 * </ul>
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("app").sink(GrpcConnectSink.connect("rerun+http://127.0.0.1:9876/proxy"))) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200).withMeter(1000));
 * }
 * }</pre>
 */
public final class GrpcConnectSink implements Sink {

    /** Default send queue: 64 MiB of encoded messages. */
    public static final long DEFAULT_QUEUE_BYTES = 64L << 20;
    /** Default time without progress before a send, flush or close gives up (Rerun's flush gives up after 5 s). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final long MIN_BACKOFF_MS = 100;
    /**
     * The call counts as ready while less than this is buffered in the transport: a few frames in flight, so the
     * sender does not wait for each one to reach the socket before handing over the next (grpc-java's default,
     * 32 KiB, is smaller than one 640x480 frame and halves throughput).
     */
    private static final int IN_FLIGHT_BYTES = 4 << 20;
    private static final long MAX_BACKOFF_MS = 5000;

    private final ProxyUrl url;
    private final long queueBytes;
    private final long timeoutNanos;
    private final boolean lz4;
    private final ManagedChannel channel;
    private final Thread sender;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Encoded messages: the encoder's buffers behind a protobuf prefix, streamed to the transport as they are. */
    private final ArrayDeque<ProxyMessage> queue = new ArrayDeque<>();
    private final List<ProxyMessage> storeInfos = new ArrayList<>();
    /** Store infos to send again on a new call before the queue goes on (not counted as queued messages). */
    private final ArrayDeque<ProxyMessage> resend = new ArrayDeque<>();
    private long queuedBytes;
    private long enqueued;
    private long handedOver;
    private long progressAt = System.nanoTime();
    private ClientCall<ProxyMessage, byte[]> call;
    private boolean callReady;
    private Status callClosed;
    private Status lastError;
    private int calls;
    private boolean closing;
    private boolean closed;

    private GrpcConnectSink(ProxyUrl url, long queueBytes, Duration timeout, boolean lz4) {
        this.url = url;
        this.queueBytes = queueBytes;
        this.timeoutNanos = timeout.toNanos();
        this.lz4 = lz4;
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(url.host(), url.port())
                .maxInboundMessageSize(Integer.MAX_VALUE);
        this.channel = (url.tls() ? builder.useTransportSecurity() : builder.usePlaintext()).build();
        // Connect now, as Rerun's client does, so the first message does not wait for TCP and HTTP/2 to set up.
        channel.getState(true);
        this.sender = new Thread(this::run, "rerun4j-grpc-connect " + url);
        sender.setDaemon(true);
        sender.start();
    }

    /** Connects to {@code url} ({@code rerun+http://HOST[:PORT]/proxy}) with the default queue and timeout. */
    public static GrpcConnectSink connect(String url) {
        return connect(ProxyUrl.parse(url), DEFAULT_QUEUE_BYTES, DEFAULT_TIMEOUT, false);
    }

    /**
     * Connects to {@code url}.
     *
     * @param queueBytes how much encoded data may wait for the sender before {@link #send} blocks
     * @param timeout    how long a send, flush or close waits without progress before it fails
     * @param lz4        LZ4-compress ArrowMsg payloads (as Rerun's client; worth it over a slow network)
     */
    public static GrpcConnectSink connect(ProxyUrl url, long queueBytes, Duration timeout, boolean lz4) {
        if (url == null) {
            throw new InvalidArgumentException("url", "null", "a ProxyUrl");
        }
        if (queueBytes < 1) {
            throw new InvalidArgumentException("queueBytes", String.valueOf(queueBytes), ">= 1");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidArgumentException("timeout", String.valueOf(timeout), "a positive duration");
        }
        return new GrpcConnectSink(url, queueBytes, timeout, lz4);
    }

    public ProxyUrl url() {
        return url;
    }

    @Override
    public void send(LogMessage message) throws IOException {
        ProxyMessage encoded = LogMsgCodec.wrap(message, lz4);
        lock.lock();
        try {
            checkOpen();
            long waitStart = System.nanoTime();
            while (!queue.isEmpty() && queuedBytes + encoded.length() > queueBytes) {
                if (stalled(waitStart)) {
                    throw new IOException("send queue full: " + undelivered());
                }
                awaitChange();
                checkOpen();
            }
            queue.addLast(encoded);
            queuedBytes += encoded.length();
            enqueued++;
            if (message instanceof LogMessage.StoreInfoMessage) {
                storeInfos.add(encoded);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything sent before has been taken by the HTTP/2 stream; fails after the timeout without progress. */
    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            long target = enqueued;
            long waitStart = System.nanoTime();
            while (handedOver < target || handedOver > 0 && !callReady) {
                if (!sender.isAlive()) {
                    throw new IOException("the sender to " + url + " stopped: " + undelivered());
                }
                if (stalled(waitStart)) {
                    throw new IOException("flush: " + undelivered());
                }
                awaitChange();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Flushes (failing as {@link #flush()} does), ends the call (the proxy answers {@code grpc-status: 0}) and the channel. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            flush();
        } catch (IOException e) {
            failure = e;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        channel.shutdownNow();
        if (failure != null) {
            throw new IOException("closing: " + failure.getMessage(), failure);
        }
    }

    private void checkOpen() throws IOException {
        if (closing || closed) {
            throw new IOException("GrpcConnectSink to " + url + " is closed");
        }
    }

    /** No message handed over for the timeout since both the wait and the last progress began. */
    private boolean stalled(long waitStart) {
        long now = System.nanoTime();
        return now - Math.max(waitStart, progressAt) > timeoutNanos;
    }

    private void awaitChange() {
        try {
            changed.await(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String undelivered() {
        long seconds = TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 1000;
        String state = callReady ? "connected but the proxy is not reading"
                : lastError != null ? describe(lastError) : "not connected yet";
        return (enqueued - handedOver) + " message(s) not delivered to " + url + " after " + seconds + " s without"
                + " progress (" + state + "); is a Rerun viewer (`rerun`, which listens on 9876) or `rerun4j serve`"
                + " running there?";
    }

    private static String describe(Status status) {
        String cause = status.getCause() != null && status.getCause().getMessage() != null
                ? ": " + status.getCause().getMessage() : "";
        return status.getCode() + (status.getDescription() != null ? " " + status.getDescription() : "") + cause;
    }

    // ---- the sender thread ----

    private void run() {
        long backoff = MIN_BACKOFF_MS;
        lock.lock();
        try {
            while (true) {
                while (queue.isEmpty() && !closing) {
                    awaitChange();
                }
                if (closing && (queue.isEmpty() || !callReady && lastError != null)) {
                    break;
                }
                if (call == null) {
                    openCall();
                }
                while (!callReady && callClosed == null && !closing) {
                    awaitChange();
                }
                if (callClosed != null) {
                    lastError = callClosed;
                    call = null;
                    callReady = false;
                    long wait = backoff;
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
                    while (System.nanoTime() < until && !closing) {
                        awaitChange();
                    }
                    continue;
                }
                if (!callReady) {
                    continue;  // closing before the call was ready
                }
                backoff = MIN_BACKOFF_MS;
                boolean again = !resend.isEmpty();
                ProxyMessage next = again ? resend.peekFirst() : queue.peekFirst();
                ClientCall<ProxyMessage, byte[]> current = call;
                lock.unlock();
                try {
                    current.sendMessage(next);
                } finally {
                    lock.lock();
                }
                if (again) {
                    resend.pollFirst();
                } else {
                    queue.pollFirst();
                    queuedBytes -= next.length();
                    handedOver++;
                    progressAt = System.nanoTime();
                }
                callReady = current.isReady();
                changed.signalAll();
            }
            if (call != null && callClosed == null) {
                call.halfClose();
                long until = System.nanoTime() + timeoutNanos;
                while (callClosed == null && System.nanoTime() < until) {
                    awaitChange();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Starts a WriteMessages call; from the second call on, the store infos go first (a restarted proxy needs them). */
    private void openCall() {
        ClientCall<ProxyMessage, byte[]> fresh = channel.newCall(ProxyMessage.WRITE_MESSAGES,
                CallOptions.DEFAULT.withOnReadyThreshold(IN_FLIGHT_BYTES));
        call = fresh;
        callReady = false;
        callClosed = null;
        fresh.start(new ClientCall.Listener<>() {
            @Override
            public void onReady() {
                lock.lock();
                try {
                    if (call == fresh) {
                        callReady = fresh.isReady();
                        changed.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                lock.lock();
                try {
                    if (call == fresh) {
                        callClosed = status;
                        callReady = false;
                        changed.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }, new Metadata());
        fresh.request(1);
        resend.clear();
        if (calls++ > 0) {
            // Every store info already handed over goes again first (they are few and small); those still queued
            // go in their turn.
            for (ProxyMessage info : storeInfos) {
                if (!queue.contains(info)) {
                    resend.addLast(info);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "GrpcConnectSink[" + url + "]";
    }
}

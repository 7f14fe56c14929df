package io.github.rerun4j.grpc;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageCodec;
import io.github.rerun4j.sdk.sink.Sink;
import io.github.rerun4j.sdk.types.ErrorText;
import io.github.rerun4j.sdk.InvalidArgumentException;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a message proxy ({@code ReadMessages}) into a sink, as a Rerun viewer opening {@code rerun+http://…/proxy}
 * does: the history first, then every message as it is published, decoded. For {@code rerun4j view URL}, whose
 * viewer shows a program that serves with any Rerun SDK ({@code rr.serve_grpc()}) or {@code rerun4j serve}.
 *
 * <p>Until the first message arrives, a proxy that does not answer is retried (0.25 s, doubling to 5 s), so the
 * viewer may start before the program it watches. Once messages have arrived, the end of the stream ends the
 * reading: connecting again would replay the whole history a second time. Every change is told to {@code status}
 * in one line (waiting, connected, ended and why).
 *
 * <pre>{@code
 * MemorySink memory = new MemorySink();
 * try (ProxyReader reader = ProxyReader.start(ProxyUrl.parse("rerun+http://127.0.0.1:9876/proxy"), memory,
 *         System.err::println)) {
 *     Thread.sleep(1000);   // memory.messages() fills while the proxy publishes
 * }
 * }</pre>
 */
public final class ProxyReader implements AutoCloseable {

    private static final long FIRST_RETRY_MS = 250;
    private static final long LAST_RETRY_MS = 5000;

    private final ProxyUrl url;
    private final Sink target;
    private final Consumer<String> status;
    private final ManagedChannel channel;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long received;

    private ProxyReader(ProxyUrl url, Sink target, Consumer<String> status) {
        this.url = url;
        this.target = target;
        this.status = status;
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(url.host(), url.port())
                .maxInboundMessageSize(Integer.MAX_VALUE);
        this.channel = (url.tls() ? builder.useTransportSecurity() : builder.usePlaintext()).build();
        this.thread = new Thread(this::run, "rerun4j-grpc-read " + url);
        thread.setDaemon(true);
    }

    /**
     * Starts reading {@code url} into {@code target} on a thread of its own.
     *
     * @param status told each change of the connection, in one line (e.g. {@code System.err::println})
     */
    public static ProxyReader start(ProxyUrl url, Sink target, Consumer<String> status) {
        if (url == null) {
            throw new InvalidArgumentException("url", "null", "a ProxyUrl");
        }
        if (target == null) {
            throw new InvalidArgumentException("target", "null", "a Sink");
        }
        if (status == null) {
            throw new InvalidArgumentException("status", "null", "a Consumer<String>");
        }
        ProxyReader reader = new ProxyReader(url, target, status);
        reader.thread.start();
        return reader;
    }

    public ProxyUrl url() {
        return url;
    }

    /** Messages received and handed to the target so far. */
    public long received() {
        return received;
    }

    /** True while the reading thread runs (waiting for the proxy or reading from it). */
    public boolean isReading() {
        return thread.isAlive();
    }

    private void run() {
        long retryMs = FIRST_RETRY_MS;
        String lastWait = null;
        while (!closed) {
            try {
                Iterator<byte[]> stream = ClientCalls.blockingServerStreamingCall(channel, ProxyProtocol.READ_MESSAGES,
                        CallOptions.DEFAULT, new byte[0]);
                while (stream.hasNext()) {
                    byte[] message = stream.next();
                    if (received == 0) {
                        status.accept("reading " + url);
                    }
                    LogMessage decoded = LogMessageCodec.decode(LogMsgCodec.decode(message));
                    if (decoded != null) {
                        target.send(decoded);
                    }
                    received++;
                }
                if (!closed) {
                    status.accept(url + " ended its stream after " + received + " messages");
                }
                return;
            } catch (StatusRuntimeException e) {
                if (closed) {
                    return;
                }
                String reason = describe(e.getStatus());
                if (received > 0) {
                    status.accept("lost " + url + " after " + received + " messages: " + reason);
                    return;
                }
                if (!reason.equals(lastWait)) {
                    status.accept("waiting for " + url + ": " + reason);
                    lastWait = reason;
                }
                try {
                    Thread.sleep(retryMs);
                } catch (InterruptedException interrupted) {
                    return;
                }
                retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    status.accept("stopped reading " + url + " after " + received + " messages: "
                            + ErrorText.describe(e));
                }
                return;
            }
        }
    }

    private static String describe(Status s) {
        String text = s.getDescription() != null ? s.getDescription()
                : s.getCause() != null ? ErrorText.describe(s.getCause()) : "";
        return s.getCode() + (text.isEmpty() ? "" : " (" + text + ")");
    }

    /** Stops reading; what the target received stays there. The target is not closed. */
    @Override
    public void close() {
        closed = true;
        channel.shutdownNow();
        thread.interrupt();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ProxyReader[" + url + ", " + received + " messages]";
    }
}

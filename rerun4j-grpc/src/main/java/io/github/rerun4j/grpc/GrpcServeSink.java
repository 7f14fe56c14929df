package io.github.rerun4j.grpc;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.Sink;
import java.io.IOException;

/**
 * Rerun's {@code serve_grpc()}: hosts the message proxy in this process and feeds it what the recording stream
 * logs, in-process (no loopback RPC). Any number of viewers open {@link #url()} (native:
 * {@code rerun --connect URL}; web: the viewer page with {@code ?url=URL}) and get the history, then the live
 * stream. {@link #send} never blocks on viewers: a viewer that stops reading is dropped once it is
 * {@link ProxyServerOptions#readerBacklogBytes()} behind. {@link #flush()} returns at once (the proxy holds every
 * message); {@link #close()} ends every viewer's stream cleanly ({@code grpc-status: 0}), and viewers keep their
 * data.
 *
 * <pre>{@code
 * try (RecordingStream rec = RecordingStream.builder("app").sink(GrpcServeSink.start())) {
 *     rec.log("depth", DepthImage.fromU16(pixels, 300, 200).withMeter(1000));
 * }
 * }</pre>
 */
public final class GrpcServeSink implements Sink {

    private final ProxyServer proxy;
    private final boolean lz4;

    private GrpcServeSink(ProxyServer proxy, boolean lz4) {
        this.proxy = proxy;
        this.lz4 = lz4;
    }

    /** Serves on 127.0.0.1:9876 with 1 GiB of history, uncompressed (loopback is faster than LZ4). */
    public static GrpcServeSink start() throws IOException {
        return start(ProxyServerOptions.defaults(), false);
    }

    /**
     * Serves with {@code options}.
     *
     * @param lz4 LZ4-compress ArrowMsg payloads (as Rerun's own serve sink; worth it over a slow network)
     * @throws IOException when the port is taken (the message suggests {@link GrpcConnectSink} instead)
     */
    public static GrpcServeSink start(ProxyServerOptions options, boolean lz4) throws IOException {
        return new GrpcServeSink(ProxyServer.start(options), lz4);
    }

    /** The URL viewers open: {@code rerun+http://127.0.0.1:9876/proxy} by default. */
    public String url() {
        return proxy.url();
    }

    /** The proxy itself (port, figures). */
    public ProxyServer proxy() {
        return proxy;
    }

    @Override
    public void send(LogMessage message) throws IOException {
        proxy.publish(message, lz4);
    }

    @Override
    public void close() {
        proxy.close();
    }

    @Override
    public String toString() {
        return "GrpcServeSink[" + proxy.url() + "]";
    }
}

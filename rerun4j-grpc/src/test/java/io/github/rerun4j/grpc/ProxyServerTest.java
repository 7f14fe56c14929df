package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proxy against readers and writers written from the protocol description: a gRPC-web reader over a plain
 * socket (what the web viewer sends), a native gRPC reader and writer on grpc-java's own transport with
 * hand-built bytes, and rerun4j's connect sink.
 */
@Timeout(60)
class ProxyServerTest {

    static final String PAGE = "http://localhost:9090";

    static ProxyServer start(ProxyServerOptions options) throws IOException {
        return ProxyServer.start(options.withPort(0));
    }

    @Test
    void liveAndLateGrpcWebReadersGetEveryMessageOnceThenACleanEnd() throws Exception {
        GrpcServeSink sink = GrpcServeSink.start(ProxyServerOptions.defaults().withPort(0), false);
        int port = sink.proxy().port();
        assertThat(sink.url()).isEqualTo("rerun+http://127.0.0.1:" + port + "/proxy");
        try (GrpcWebReader early = new GrpcWebReader(port, PAGE)) {
            // store info + static chunk + 6 frames, each its own message
            List<byte[]> firstHalf = new ArrayList<>();
            Thread logger = new Thread(() -> Recordings.log(new KeepOpen(sink), "live", 0, 6));
            logger.start();
            assertThat(early.status()).isEqualTo(200);
            assertThat(early.headers.get("content-type")).startsWith("application/grpc-web");
            assertThat(early.headers.get("access-control-allow-origin")).isEqualTo(PAGE);
            firstHalf.addAll(Recordings.read(early, 8));
            logger.join();
            assertThat(Recordings.frames(Recordings.decode(firstHalf))).containsExactly(0, 1, 2, 3, 4, 5);

            // A late reader: the whole history, store info and static data first, nothing twice.
            try (GrpcWebReader late = new GrpcWebReader(port, PAGE)) {
                List<LogMessage> history = Recordings.decode(Recordings.read(late, 8));
                assertThat(history.get(0)).isInstanceOf(LogMessage.StoreInfoMessage.class);
                assertThat(((LogMessage.ChunkMessage) history.get(1)).chunk().isStatic()).isTrue();
                assertThat(Recordings.frames(history)).containsExactly(0, 1, 2, 3, 4, 5);

                // Later frames reach both live (a second stream of the same recording: its store info again).
                Recordings.log(new KeepOpen(sink), "live", 6, 3);
                assertThat(Recordings.frames(Recordings.decode(Recordings.read(early, 4)))).containsExactly(6, 7, 8);
                assertThat(Recordings.frames(Recordings.decode(Recordings.read(late, 4)))).containsExactly(6, 7, 8);

                sink.close();
                for (GrpcWebReader r : List.of(early, late)) {
                    GrpcWebReader.Frame end = r.next();
                    assertThat(end.trailers()).containsPattern("(?m)^grpc-status: ?0\\r?$");
                    assertThat(r.next()).isNull();
                }
            }
        }
    }

    @Test
    void connectSinkToServerOverNativeGrpcAndANativeReader() throws Exception {
        try (ProxyServer proxy = start(ProxyServerOptions.defaults());
             NativeReader reader = new NativeReader(proxy.port())) {
            GrpcConnectSink sink = GrpcConnectSink.connect(proxy.url());
            Recordings.log(sink, "connected", 0, 20);  // closes the sink: flushed, call ended
            List<LogMessage> got = Recordings.decode(reader.take(22));
            assertThat(Recordings.frames(got)).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
            assertThat(got.get(0).storeId().recordingId()).isEqualTo("connected");
            assertThat(proxy.stats().published()).isEqualTo(22);
        }
    }

    @Test
    void aHandWrittenWriteMessagesClientIsReadBackByTheHandWrittenReader() throws Exception {
        MemorySink memory = new MemorySink();
        Recordings.log(memory, "by_hand", 0, 5);
        List<WireForm.Part> parts = WireForm.fileMessages(memory.toRrdBytes());
        try (ProxyServer proxy = start(ProxyServerOptions.defaults());
             GrpcWebReader reader = new GrpcWebReader(proxy.port(), null)) {
            RawWrite write = RawWrite.call(proxy.port(), parts.stream().map(WireForm::request).toList());
            assertThat(write.status().isOk()).isTrue();
            assertThat(write.responses()).hasSize(1);
            assertThat(write.responses().get(0)).isEmpty();  // WriteMessagesResponse {}
            List<byte[]> got = Recordings.read(reader, parts.size());
            for (int i = 0; i < parts.size(); i++) {
                assertThat(WireForm.response(got.get(i)).payload()).isEqualTo(parts.get(i).payload());
            }
        }
    }

    /** Hands messages on but leaves closing to the test (several streams into one server). */
    record KeepOpen(GrpcServeSink sink) implements io.github.rerun4j.sdk.sink.Sink {
        @Override
        public void send(LogMessage message) throws IOException {
            sink.send(message);
        }

        @Override
        public void close() {
        }
    }

    /** A native gRPC (h2c) {@code ReadMessages} reader on grpc-java's raw call API. */
    static final class NativeReader implements AutoCloseable {
        final ManagedChannel channel;
        final ClientCall<byte[], byte[]> call;
        final LinkedBlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Status> closed = new CompletableFuture<>();

        NativeReader(int port) {
            channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().maxInboundMessageSize(Integer.MAX_VALUE).build();
            call = channel.newCall(ProxyProtocol.READ_MESSAGES, CallOptions.DEFAULT);
            call.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(byte[] message) {
                    messages.add(message);
                    call.request(1);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    closed.complete(status);
                }
            }, new Metadata());
            call.sendMessage(new byte[0]);
            call.halfClose();
            call.request(1);
        }

        List<byte[]> take(int n) throws InterruptedException {
            List<byte[]> out = new ArrayList<>();
            while (out.size() < n) {
                byte[] m = messages.poll(20, TimeUnit.SECONDS);
                if (m == null) {
                    throw new AssertionError("got " + out.size() + " of " + n + " messages; call " + closed.getNow(null));
                }
                out.add(m);
            }
            return out;
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }
}

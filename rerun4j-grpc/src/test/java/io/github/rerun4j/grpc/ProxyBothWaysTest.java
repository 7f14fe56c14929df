package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.github.rerun4j.sdk.sink.Sink;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a viewer needs from the proxy besides broadcasting: the messages writers send, handed to it decoded
 * ({@link ProxyServer#start(ProxyServerOptions, Sink)}), and a proxy elsewhere read into it ({@link ProxyReader}).
 */
@Timeout(60)
class ProxyBothWaysTest {

    @Test
    void writersMessagesReachTheIncomingSinkDecodedAndInOrder() throws Exception {
        MemorySink incoming = new MemorySink();
        try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(0), incoming)) {
            Recordings.log(GrpcConnectSink.connect(proxy.url()), "written", 0, 5);  // closes the sink: all delivered

            waitFor(() -> incoming.messages().size() >= 7);
            List<LogMessage> got = incoming.messages();
            assertThat(got.get(0)).isInstanceOf(LogMessage.StoreInfoMessage.class);
            assertThat(Recordings.frames(got)).containsExactly(0, 1, 2, 3, 4);
            assertThat(got).allSatisfy(m -> assertThat(m.storeId().recordingId()).isEqualTo("written"));
            // and the same messages are in the hub for readers
            assertThat(proxy.stats().published()).isEqualTo(got.size());
        }
    }

    @Test
    void aRefusingSinkEndsThatWriterAndTheProxyKeepsServing() throws Exception {
        Sink refusing = new Sink() {
            @Override
            public void send(LogMessage message) throws IOException {
                throw new IOException("no room");
            }

            @Override
            public void close() {
            }
        };
        try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(0), refusing)) {
            GrpcConnectSink sink = GrpcConnectSink.connect(ProxyUrl.parse(proxy.url()), 1 << 20, Duration.ofSeconds(2), false);
            try {
                Recordings.log(sink, "refused", 0, 1);
            } catch (RuntimeException expected) {
                // the writer's stream was ended: what it says is the connect sink's business
            }
            long before = proxy.stats().published();
            Recordings.log(proxy.publisher(false), "still_served", 0, 1);
            assertThat(proxy.stats().published()).isEqualTo(before + 3);
            try (GrpcWebReader reader = new GrpcWebReader(proxy.port(), null)) {
                List<LogMessage> history = Recordings.decode(Recordings.read(reader, (int) proxy.stats().historyMessages()));
                assertThat(history).anyMatch(m -> m.storeId().recordingId().equals("still_served"));
            }
        }
    }

    @Test
    void aReaderStartedBeforeItsProxyWaitsThenGetsHistoryAndLiveMessages() throws Exception {
        int port = GrpcConnectSinkTest.freePort();
        ProxyUrl url = ProxyUrl.parse("rerun+http://127.0.0.1:" + port + "/proxy");
        MemorySink target = new MemorySink();
        List<String> status = Collections.synchronizedList(new ArrayList<>());
        try (ProxyReader reader = ProxyReader.start(url, target, status::add)) {
            waitFor(() -> !status.isEmpty());
            assertThat(status.get(0)).startsWith("waiting for " + url).contains("UNAVAILABLE");
            try (ProxyServer serve = ProxyServer.start(ProxyServerOptions.defaults().withPort(port))) {
                Recordings.log(serve.publisher(false), "served", 0, 3);   // history: before the reader connects (maybe)
                waitFor(() -> target.messages().size() >= 5);
                Recordings.log(serve.publisher(false), "served", 3, 2);   // live
                waitFor(() -> target.messages().size() >= 8);
                assertThat(Recordings.frames(target.messages())).containsExactly(0, 1, 2, 3, 4);
                assertThat(status).anyMatch(s -> s.equals("reading " + url));
            }
            // The server closed the stream: the reader stops and says so, keeping what it got.
            waitFor(() -> !reader.isReading());
            assertThat(status.get(status.size() - 1)).contains("ended its stream after " + reader.received());
            assertThat(Recordings.frames(target.messages())).hasSize(5);
        }
    }

    /** A writer written from the protocol description ({@link WireForm}), not with {@link GrpcConnectSink}. */
    @Test
    void aHandWrittenWritersMessagesReachTheIncomingSink() throws Exception {
        MemorySink logged = new MemorySink();
        Recordings.log(logged, "by_hand", 0, 4);
        List<WireForm.Part> parts = WireForm.fileMessages(logged.toRrdBytes());
        MemorySink incoming = new MemorySink();
        try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(0), incoming)) {
            assertThat(RawWrite.call(proxy.port(), parts.stream().map(WireForm::request).toList()).status().isOk()).isTrue();
            // every message but the End one, decoded, in order
            assertThat(incoming.messages()).hasSize(logged.messages().size());
            assertThat(Recordings.frames(incoming.messages())).containsExactly(0, 1, 2, 3);
            assertThat(sameChunks(incoming, logged)).as("the chunks, byte for byte").isTrue();
        }
    }

    /** A ReadMessages server written from the protocol description (plain grpc-java), not {@link ProxyServer}. */
    @Test
    void aHandWrittenReadMessagesServerIsReadByProxyReader() throws Exception {
        MemorySink logged = new MemorySink();
        Recordings.log(logged, "served_by_hand", 0, 3);
        List<WireForm.Part> parts = WireForm.fileMessages(logged.toRrdBytes());
        ServerServiceDefinition service = ServerServiceDefinition.builder(ProxyProtocol.SERVICE)
                .addMethod(ProxyProtocol.READ_MESSAGES, ServerCalls.asyncServerStreamingCall((request, responses) -> {
                    for (WireForm.Part p : parts) {
                        responses.onNext(WireForm.request(p));  // ReadMessagesResponse has WriteMessagesRequest's shape
                    }
                    responses.onCompleted();
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
        try {
            MemorySink target = new MemorySink();
            List<String> status = Collections.synchronizedList(new ArrayList<>());
            ProxyUrl url = ProxyUrl.parse("rerun+http://127.0.0.1:" + server.getPort() + "/proxy");
            try (ProxyReader reader = ProxyReader.start(url, target, status::add)) {
                waitFor(() -> !reader.isReading());
                assertThat(Recordings.frames(target.messages())).containsExactly(0, 1, 2);
                assertThat(sameChunks(target, logged)).as("the chunks, byte for byte").isTrue();
                assertThat(status).containsExactly("reading " + url, url + " ended its stream after " + parts.size() + " messages");
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** Frames bigger than a message segment cross the proxy (kept segmented in its history) byte for byte. */
    @Test
    void bigFramesArriveByteForByteFromTheHistoryAndLive() throws Exception {
        MemorySink logged = new MemorySink();
        MemorySink target = new MemorySink();
        List<String> status = Collections.synchronizedList(new ArrayList<>());
        try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(0))) {
            io.github.rerun4j.sdk.sink.Sink both = io.github.rerun4j.sdk.sink.TeeSink.of(logged, proxy.publisher(false));
            try (io.github.rerun4j.sdk.RecordingStream rec = io.github.rerun4j.sdk.RecordingStream.builder("big")
                    .batching(Recordings.EVERY_ROW).flushOnExit(false).sink(both)) {
                short[] px = new short[640 * 480];
                java.util.Random random = new java.util.Random(7);
                for (int i = 0; i < px.length; i++) {
                    px[i] = (short) random.nextInt(65536);
                }
                rec.log("cam/depth", io.github.rerun4j.sdk.archetypes.DepthImage.fromU16(px, 640, 480));  // history
                rec.flush();
                try (ProxyReader reader = ProxyReader.start(ProxyUrl.parse(proxy.url()), target, status::add)) {
                    waitFor(() -> target.messages().size() >= 2);
                    px[0] = 1;
                    rec.log("cam/depth", io.github.rerun4j.sdk.archetypes.DepthImage.fromU16(px, 640, 480));  // live
                    rec.flush();
                    waitFor(() -> target.messages().size() >= 3);
                }
            }
        }
        assertThat(sameChunks(target, logged)).as("two 614,400-byte frames, byte for byte").isTrue();
    }

    /** The ArrowMsg payloads of both, re-encoded, are equal (store infos get a new row id at each encoding). */
    private static boolean sameChunks(MemorySink a, MemorySink b) {
        List<WireForm.Part> x = WireForm.fileMessages(a.toRrdBytes());
        List<WireForm.Part> y = WireForm.fileMessages(b.toRrdBytes());
        x.removeIf(p -> p.kind() != 2);
        y.removeIf(p -> p.kind() != 2);
        if (x.size() != y.size() || x.isEmpty()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!java.util.Arrays.equals(x.get(i).payload(), y.get(i).payload())) {
                return false;
            }
        }
        return true;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 20 s").isTrue();
    }
}

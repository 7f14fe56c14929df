package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.sdk.rrd.StoreInfo;
import io.github.rerun4j.sdk.sink.MemorySink;
import io.grpc.Status;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile or broken peers: the proxy keeps serving everyone else, and its memory stays bounded. */
@Timeout(90)
class ProxyBadInputTest {

    private static final StoreId STORE = StoreId.recording("bad_input", "r");

    /** A store info, then {@code frames} 32x24 frames from 1 on (one chunk message each), via a MemorySink. */
    static List<byte[]> messages(int frames) {
        MemorySink memory = new MemorySink();
        Recordings.log(memory, "r", 1, frames);
        List<byte[]> out = new ArrayList<>();
        for (LogMessage m : memory.messages()) {
            out.add(LogMsgCodec.encode(m, false));
        }
        return out;
    }

    /** One big frame message (w x h u16). */
    static byte[] bigFrame(int seed, int w, int h) {
        DepthImage image = TestImages.image(5, seed, w, h);
        MemorySink memory = new MemorySink();
        try (var rec = io.github.rerun4j.sdk.RecordingStream.builder("bad_input").recordingId("r").flushOnExit(false).sink(memory)) {
            rec.setTimeSequence("frame", seed);
            rec.log("big", image);
        }
        Chunk chunk = ((LogMessage.ChunkMessage) memory.messages().get(1)).chunk();
        return LogMsgCodec.encode(new LogMessage.ChunkMessage(STORE, chunk), false);
    }

    /** The proxy still answers: a fresh reader gets a message published now. */
    static void stillServes(ProxyServer proxy) throws Exception {
        try (GrpcWebReader reader = new GrpcWebReader(proxy.port(), null)) {
            int before = proxy.stats().historyMessages();
            proxy.publish(new LogMessage.StoreInfoMessage(StoreInfo.of(StoreId.recording("still", "alive"))), false);
            List<byte[]> got = Recordings.read(reader, before + 1);
            assertThat(Recordings.decode(got.subList(got.size() - 1, got.size())).get(0).storeId().applicationId()).isEqualTo("still");
        }
    }

    @Test
    void garbageOnThePortIsDroppedAndOthersAreServed() throws Exception {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults())) {
            byte[] junk = new byte[256 * 1024];
            new Random(7).nextBytes(junk);
            for (byte[] start : List.of(junk, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
                try (Socket s = new Socket("127.0.0.1", proxy.port())) {
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    try {
                        out.write(start);
                        out.write(junk);
                        out.flush();
                    } catch (java.io.IOException closedOnUs) {
                        // the server may close the connection before all the junk is written
                    }
                    InputStream in = s.getInputStream();
                    try {
                        while (in.read(new byte[4096]) >= 0) {
                            // drain whatever error it answers until it closes
                        }
                    } catch (java.io.IOException reset) {
                        // a reset is as good as a close
                    }
                }
            }
            stillServes(proxy);
        }
    }

    @Test
    void halfAMessageThenAStallDoesNotHoldUpOthers() throws Exception {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults());
             Socket s = new Socket("127.0.0.1", proxy.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /rerun.sdk_comms.v1alpha1.MessageProxyService/WriteMessages HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + proxy.port() + "\r\ncontent-type: application/grpc-web+proto\r\n"
                    + "x-grpc-web: 1\r\ntransfer-encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // a frame that claims 100 000 bytes, of which 10 arrive
            out.write("f\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[] {0, 0, 1, (byte) 0x86, (byte) 0xA0, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8, 9});
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            stillServes(proxy);
            assertThat(proxy.stats().published()).isEqualTo(1);  // nothing of the half message got in
        }
    }

    @Test
    void aMessageOverTheLimitEndsThatCallOnly() throws Exception {
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults().withMaxMessageBytes(256 * 1024))) {
            Status status = RawWrite.call(proxy.port(), List.of(bigFrame(1, 640, 480))).status();  // 614 400 bytes of pixels
            assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(proxy.stats().published()).isZero();
            stillServes(proxy);
        }
    }

    @Test
    void fiftyViewersAtOnceGetEverything() throws Exception {
        int viewers = 50;
        List<byte[]> messages = messages(5);
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults())) {
            ExecutorService pool = Executors.newFixedThreadPool(viewers);
            try {
                List<GrpcWebReader> readers = new ArrayList<>();
                for (int i = 0; i < viewers; i++) {
                    readers.add(new GrpcWebReader(proxy.port(), "http://127.0.0.1:9090"));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (proxy.stats().readers() < viewers && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(proxy.stats().readers()).isEqualTo(viewers);
                for (byte[] m : messages) {
                    proxy.publishBytes(m);
                }
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (GrpcWebReader r : readers) {
                    results.add(pool.submit(() -> Recordings.frames(Recordings.decode(Recordings.read(r, messages.size())))));
                }
                for (Future<List<Integer>> f : results) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).containsExactly(1, 2, 3, 4, 5);
                }
                for (GrpcWebReader r : readers) {
                    r.close();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aViewerThatStopsReadingIsDroppedAndTheOthersGoOnWithBoundedMemory() throws Exception {
        long backlog = 4L << 20;
        try (ProxyServer proxy = ProxyServerTest.start(ProxyServerOptions.defaults()
                .withMemoryLimitBytes(8L << 20).withReaderBacklogBytes(backlog));
             GrpcWebReader stalled = new GrpcWebReader(proxy.port(), null);
             GrpcWebReader active = new GrpcWebReader(proxy.port(), null)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (proxy.stats().readers() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            int frames = 150;  // 92 MB of 640x480 frames: far more than the socket buffers and the backlog
            // Publishing never blocks, so on a fast machine the publisher could outrun even a reading viewer. The
            // active viewer is paced to stay at most 3 frames (1.8 MB, under the 4 MB backlog) behind; the stalled
            // one takes nothing and must be dropped.
            Semaphore window = new Semaphore(3);
            byte[][] sent = new byte[frames][];
            Thread publisher = new Thread(() -> {
                try {
                    for (int f = 0; f < frames; f++) {
                        sent[f] = bigFrame(f, 640, 480);
                        if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the active viewer stopped at frame " + f);
                        }
                        proxy.publishBytes(sent[f]);
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            publisher.start();
            for (int f = 0; f < frames; f++) {
                GrpcWebReader.Frame frame = active.next();
                assertThat(frame).as("frame " + f).isNotNull();
                assertThat(frame.message()).as("frame " + f + ", trailers " + frame.trailers()).isNotNull();
                window.release();
            }
            publisher.join();
            assertThat(proxy.stats().readers()).isEqualTo(1);  // the stalled one was let go
            assertThat(proxy.stats().historyBytes()).isLessThanOrEqualTo(8L << 20);
            assertThat(proxy.stats().droppedFromHistory()).isGreaterThan(0);
            // What the stalled viewer finally reads: what fit in the socket buffers, then the reason it was let go.
            GrpcWebReader.Frame last = stalled.next();
            int got = 0;
            while (last != null && last.message() != null) {
                got++;
                last = stalled.next();
            }
            assertThat(got).isLessThan(frames);
            assertThat(last).isNotNull();
            assertThat(last.trailers()).contains("grpc-status: 8").contains("stopped reading");
        }
    }
}

package io.github.rerun4j.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.rrd.LogMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connect sink against nothing, a late server and a restarted one. */
@Timeout(60)
class GrpcConnectSinkTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void nothingListeningIsAClearErrorAtFlushAndClose() throws IOException {
        int port = freePort();
        String url = "rerun+http://127.0.0.1:" + port + "/proxy";
        GrpcConnectSink sink = GrpcConnectSink.connect(ProxyUrl.parse(url), 1 << 20, Duration.ofSeconds(1), false);
        RecordingStream rec = RecordingStream.builder("nobody").flushOnExit(false).sink(sink);
        rec.log("cam/depth", TestImages.image(1, 0, 8, 8));
        long start = System.nanoTime();
        assertThatThrownBy(rec::flush).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not delivered to " + url)
                .hasMessageContaining("UNAVAILABLE")
                .hasMessageContaining("is a Rerun viewer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThatThrownBy(rec::close).hasMessageContaining("not delivered to " + url);
    }

    @Test
    void itConnectsBeforeTheFirstMessage() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(5000);
            GrpcConnectSink sink = GrpcConnectSink.connect(ProxyUrl.parse("rerun+http://127.0.0.1:"
                    + listener.getLocalPort() + "/proxy"), 1 << 20, Duration.ofSeconds(1), false);
            try (java.net.Socket accepted = listener.accept()) {
                assertThat(accepted.isConnected()).isTrue();
            } finally {
                try {
                    sink.close();
                } catch (IOException ignored) {
                    // nothing was sent; the listener is no proxy
                }
            }
        }
    }

    @Test
    void aServerThatStartsLateGetsEverythingAndARestartedOneGetsTheStoreInfoAgain() throws Exception {
        int port = freePort();
        GrpcConnectSink sink = GrpcConnectSink.connect(ProxyUrl.parse("rerun+http://localhost:" + port + "/proxy"),
                1 << 20, Duration.ofSeconds(10), false);
        RecordingStream rec = RecordingStream.builder("late").recordingId("late").batching(Recordings.EVERY_ROW)
                .flushOnExit(false).sink(sink);
        for (int f = 0; f < 3; f++) {
            rec.setTimeSequence("frame", f);
            rec.log("cam/depth", TestImages.image(4, f, 32, 24));
        }
        Thread.sleep(300);  // a few refused connection attempts
        try (ProxyServer proxy = ProxyServer.start(ProxyServerOptions.defaults().withPort(port))) {
            rec.flush();
            try (GrpcWebReader reader = new GrpcWebReader(port, null)) {
                List<LogMessage> got = Recordings.decode(Recordings.read(reader, 4));
                assertThat(Recordings.frames(got)).containsExactly(0, 1, 2);
            }
        }
        // The server went away (a viewer closed and reopened): the next messages go to the new one, store info first.
        try (ProxyServer restarted = ProxyServer.start(ProxyServerOptions.defaults().withPort(port))) {
            for (int f = 3; f < 6; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("cam/depth", TestImages.image(4, f, 32, 24));
                Thread.sleep(50);
            }
            rec.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            // Frames handed to the dying call may be lost (as with Rerun's client); once reconnected, all arrive.
            while (restarted.stats().published() < 2 && System.nanoTime() < deadline) {
                rec.setTimeSequence("frame", 99);
                rec.log("cam/depth", TestImages.image(4, 99, 32, 24));
                rec.flush();
                Thread.sleep(200);
            }
            try (GrpcWebReader reader = new GrpcWebReader(port, null)) {
                List<LogMessage> got = Recordings.decode(Recordings.read(reader, restarted.stats().historyMessages()));
                assertThat(got.get(0)).isInstanceOf(LogMessage.StoreInfoMessage.class);
                assertThat(got.get(0).storeId().recordingId()).isEqualTo("late");
                assertThat(Recordings.frames(got)).isNotEmpty();
            }
            rec.close();
        }
    }

    @Test
    void urlsAreParsedAsRerunDoes() {
        assertThat(ProxyUrl.parse("rerun+http://127.0.0.1:9876/proxy")).isEqualTo(new ProxyUrl("127.0.0.1", 9876, false));
        assertThat(ProxyUrl.parse("rerun+http://localhost/proxy")).isEqualTo(new ProxyUrl("localhost", 9876, false));
        assertThat(ProxyUrl.parse("rerun+https://example.org:443/proxy")).isEqualTo(new ProxyUrl("example.org", 443, true));
        assertThat(ProxyUrl.parse("rerun://example.org/proxy").tls()).isTrue();
        assertThat(ProxyUrl.parse("rerun+http://0.0.0.0:9000/proxy").host()).isEqualTo("127.0.0.1");
        assertThat(ProxyUrl.parse("rerun+http://[::1]:9000/proxy")).isEqualTo(new ProxyUrl("::1", 9000, false));
        assertThat(ProxyUrl.parse("rerun http://127.0.0.1:9876/proxy").port()).isEqualTo(9876);
        assertThat(ProxyUrl.parse("rerun+http://[::1]:9000/proxy").toString()).isEqualTo("rerun+http://[::1]:9000/proxy");
        for (String bad : List.of("http://127.0.0.1:9876/proxy", "rerun+http://127.0.0.1:9876/catalog",
                "rerun+http://127.0.0.1:99999/proxy", "rerun+http:///proxy", "nonsense")) {
            assertThatThrownBy(() -> ProxyUrl.parse(bad)).as(bad)
                    .isInstanceOf(io.github.rerun4j.sdk.InvalidArgumentException.class)
                    .hasMessageContaining("rerun+http://HOST[:PORT]/proxy");
        }
    }
}

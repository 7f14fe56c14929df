package io.github.rerun4j.viewer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.ViewerServer;
import io.github.rerun4j.viewer.hub.RecordingHub;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Event streams are released when their page goes away (a heartbeat write finds out) and capped: real
 * sockets against a running server, opened and dropped as closed tabs and hostile pages drop them.
 */
class EventStreamLimitsTest {

    static final ServerLimits FAST = ServerLimits.defaults().withHeartbeat(Duration.ofMillis(50));

    /** Opens an event stream and waits for its {@code hello}: the server has registered it. */
    static Socket openStream(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("event: hello")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended before hello: " + seen);
            }
            seen.append((char) b);
        }
        return socket;
    }

    static void awaitCount(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }

    @Test
    void streamsOfPagesThatWentAwayAreReleased() throws Exception {
        try (ViewerServer server = ViewerServer.start(new RecordingHub(), "127.0.0.1", 0, FAST)) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sockets.add(openStream(server.port()));
            }
            awaitCount(server::openEventStreams, 40);

            for (int i = 0; i < sockets.size(); i++) {
                if (i % 2 == 0) {
                    sockets.get(i).setSoLinger(true, 0); // abrupt: RST, as a killed browser
                }
                sockets.get(i).close();                  // else an orderly FIN, as a closed tab
            }

            awaitCount(server::openEventStreams, 0);
            assertThat(RawHttp.get(server.url() + "api/recordings").status()).isEqualTo(200);
            try (Socket again = openStream(server.port())) {
                awaitCount(server::openEventStreams, 1);
            }
        }
    }

    @Test
    void beyondTheCapAStreamIs503WithJson() throws Exception {
        try (ViewerServer server = ViewerServer.start(new RecordingHub(), "127.0.0.1", 0, FAST.withMaxEventStreams(3))) {
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                open.add(openStream(server.port()));
            }

            RawHttp.Response refused = RawHttp.request("127.0.0.1", server.port(), "/api/events",
                    "Host: 127.0.0.1:" + server.port(), "Accept: text/event-stream");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.body()).startsWith("{\"error\":\"busy: 3 event streams are open");
            assertThat(RawHttp.get(server.url() + "api/recordings").status()).isEqualTo(200);

            open.remove(0).close();
            awaitCount(server::openEventStreams, 2);
            open.add(openStream(server.port()));
            awaitCount(server::openEventStreams, 3);
            for (Socket s : open) {
                s.close();
            }
        }
    }
}

package io.github.rerun4j.viewer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.TestRecordings;
import io.github.rerun4j.viewer.Viewer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding, as a browser would carry it out, with real requests to a running viewer: a page on
 * {@code attacker.example:PORT} whose name now resolves to 127.0.0.1 sends {@code Host: attacker.example:PORT};
 * a page elsewhere sends its {@code Origin}. Neither reaches a file, the API or the event stream.
 */
class DnsRebindingTest {

    @TempDir
    static Path dir;

    static Viewer viewer;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        viewer = TestRecordings.viewing(dir, 2);
        port = viewer.port();
    }

    @AfterAll
    static void stop() {
        viewer.close();
    }

    static RawHttp.Response get(String target, String... headers) {
        return RawHttp.request("127.0.0.1", port, target, headers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/app.js", "/index.html", "/webjars/three/0.181.1/build/three.module.js",
            "/api/recordings", "/api/recordings/nosuch/scene", "/nothing-here"})
    void aForeignHostIs421WithAJsonError(String target) {
        RawHttp.Response response = get(target, "Host: attacker.example:" + port);

        assertThat(response.status()).as(target).isEqualTo(421);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).startsWith("{\"error\":\"invalid Host 'attacker.example:" + port + "'");
        assertThat(response.body()).doesNotContain("frames.rrd").doesNotContain("import ");
    }

    @Test
    void theEventStreamRefusesAForeignHostAndAForeignOrigin() {
        RawHttp.Response host = get("/api/events", "Host: attacker.example:" + port, "Accept: text/event-stream");
        RawHttp.Response origin = get("/api/events", "Host: 127.0.0.1:" + port, "Accept: text/event-stream",
                "Origin: http://attacker.example:" + port);
        RawHttp.Response own = get("/api/events", "Host: 127.0.0.1:" + port, "Accept: text/event-stream");

        assertThat(host.status()).isEqualTo(421);
        assertThat(origin.status()).isEqualTo(403);
        assertThat(origin.body()).contains("invalid Origin 'http://attacker.example:" + port + "'");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("Content-Type")).startsWith("text/event-stream");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d", "localhost:%d", "LocalHost:%d", "[::1]:%d", "[0:0:0:0:0:0:0:1]:%d"})
    void loopbackNamesWithThePortAreAnswered(String host) {
        for (String target : new String[] {"/", "/app.js", "/api/recordings"}) {
            assertThat(get(target, "Host: " + host.formatted(port)).status()).as("%s %s", host, target).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "localhost:1", "localhost.:%d", "127.0.0.1.attacker.example:%d",
            "[::1]", "192.168.1.20:%d"})
    void otherHostsAreRefused(String host) {
        assertThat(get("/api/recordings", "Host: " + host.formatted(port)).status()).as(host).isEqualTo(421);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d0", "localhost:%d@attacker.example", "::1:%d", ""})
    void malformedHostsNeverReachTheApi(String host) {
        // Jetty refuses these before routing (400, answered as 404 by BadPathErrorHandler); either way, no data.
        RawHttp.Response response = get("/api/recordings", "Host: " + host.formatted(port));

        assertThat(response.status()).as(host).isIn(404, 421);
        assertThat(response.body()).doesNotContain("frames.rrd");
    }

    @Test
    void aRequestWithoutHostIsRefused() {
        RawHttp.Response response = RawHttp.request("127.0.0.1", port, "/api/recordings");

        assertThat(response.status()).isIn(400, 404, 421); // Jetty may refuse an HTTP/1.1 request without Host first
        assertThat(response.body()).doesNotContain("frames.rrd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://attacker.example:%d", "http://attacker.example", "null", "https://127.0.0.1:%d",
            "http://127.0.0.1:1", "http://localhost.attacker.example:%d", "file://", "http://127.0.0.1:%d/x"})
    void aForeignOriginOnTheApiIs403(String origin) {
        RawHttp.Response response = get("/api/recordings", "Host: 127.0.0.1:" + port, "Origin: " + origin.formatted(port));

        assertThat(response.status()).as(origin).isEqualTo(403);
        assertThat(response.body()).startsWith("{\"error\":\"invalid Origin").doesNotContain("frames.rrd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d", "http://localhost:%d", "http://[::1]:%d"})
    void theViewersOwnOriginIsAnswered(String origin) {
        assertThat(get("/api/recordings", "Host: 127.0.0.1:" + port, "Origin: " + origin.formatted(port)).status())
                .as(origin).isEqualTo(200);
    }

    @Test
    void theConfiguredBindAddressIsAnsweredToo() {
        // All of 127/8 is loopback on Linux; 127.0.0.2 stands for a LAN address given with --bind.
        try (Viewer other = Viewer.start("127.0.0.2", 0)) {
            int otherPort = other.port();
            assertThat(RawHttp.request("127.0.0.2", otherPort, "/api/recordings", "Host: 127.0.0.2:" + otherPort).status())
                    .isEqualTo(200);
            assertThat(RawHttp.request("127.0.0.2", otherPort, "/api/recordings", "Host: attacker.example:" + otherPort).status())
                    .isEqualTo(421);
            assertThat(RawHttp.request("127.0.0.2", otherPort, "/api/recordings", "Host: 127.0.0.3:" + otherPort).status())
                    .isEqualTo(421);
        }
    }

    @Test
    void thePageGetsFileNamesNotAbsolutePaths() {
        var recording = viewer.hub().recordings().get(0);
        // A problem whose message quotes the path, as an I/O error's message does.
        viewer.hub().addProblem(recording.id(), recording.source(), "cannot read " + recording.source() + ": denied");
        RawHttp.Response list = get("/api/recordings", "Host: 127.0.0.1:" + port);
        String rec = viewer.hub().recordings().get(0).key();
        RawHttp.Response summary = get("/api/recordings/" + rec, "Host: 127.0.0.1:" + port);

        assertThat(list.body()).contains("\"source\":\"frames.rrd\"").contains("cannot read frames.rrd: denied")
                .doesNotContain(dir.toString());
        assertThat(summary.body()).contains("\"source\":\"frames.rrd\"").doesNotContain(dir.toString());
    }
}

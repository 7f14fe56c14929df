package io.github.rerun4j.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rerun4j.sdk.sink.Sink;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The viewer listens on loopback unless told otherwise, and a taken port is a clear error. */
class ServerBindingTest {

    @Test
    void serveListensOnLoopbackOnly() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            assertThat(viewer.server().boundAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(viewer.server().boundAddress().getPort()).isEqualTo(viewer.port());
            assertThat(viewer.url().toString()).isEqualTo("http://127.0.0.1:" + viewer.port() + "/");
        }
    }

    @Test
    void viewerServeGivesALoopbackSink() throws Exception {
        ViewerSink sink = Viewer.serve(0);
        try (Sink closing = sink) {
            assertThat(sink.viewer().server().boundAddress().getAddress().isLoopbackAddress()).isTrue();
        } finally {
            sink.viewer().close();
        }
    }

    @Test
    void aTakenPortIsAViewerStartExceptionNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Viewer.start(Viewer.LOOPBACK, taken.getLocalPort()))
                    .isInstanceOf(ViewerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .satisfies(e -> assertThat(((ViewerStartException) e).portInUse()).isTrue());
        }
    }

    @Test
    void anIpv6LiteralInBracketsIsServedAndAnswered() {
        try (Viewer viewer = Viewer.start("[::1]", 0)) {
            assertThat(viewer.server().boundAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(viewer.url().toString()).isEqualTo("http://[::1]:" + viewer.port() + "/");
            assertThat(io.github.rerun4j.viewer.http.RawHttp.get(viewer.url() + "api/recordings").status()).isEqualTo(200);
        }
    }

    @Test
    void aFailedStartLeavesNothingRunning() throws Exception {
        long before = jettyThreads();

        assertThatThrownBy(() -> Viewer.start("no.such.host.invalid", 0))
                .isInstanceOf(ViewerStartException.class)
                .hasMessage("cannot serve the viewer on no.such.host.invalid:0: unknown host (expected an IP address"
                        + " such as 127.0.0.1 or ::1, or a name this machine resolves)");

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (jettyThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jettyThreads()).isLessThanOrEqualTo(before);
    }

    private static long jettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("JettyServerThreadPool")).count();
    }
}

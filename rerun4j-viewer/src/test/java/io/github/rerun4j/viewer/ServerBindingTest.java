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
}

package io.github.rerun4j.examples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.grpc.GrpcServeSink;
import io.github.rerun4j.grpc.ProxyServerOptions;
import io.github.rerun4j.sdk.RecordingStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Rerun 0.33 web viewer reading a rerun4j gRPC proxy ({@code rerun+http://127.0.0.1:PORT/proxy}, gRPC-web
 * with CORS from the viewer page's own origin): the depth_image_3d demo appears in its exact Viridis colors, frames
 * logged afterwards appear live, a viewer that connects late gets the whole history, and closing the proxy leaves
 * every viewer with its data, a clean end of stream and no error.
 */
@Timeout(300)
class ProxyInOfficialViewerTest {

    @BeforeAll
    static void viewerAvailable() {
        OfficialViewer.assumeAvailable();
    }

    @Test
    void demoLiveLateJoinerAndCleanShutdown() throws Exception {
        Path shots = Path.of("target", "official-viewer");
        Files.createDirectories(shots);
        GrpcServeSink serve = GrpcServeSink.start(ProxyServerOptions.defaults().withPort(0), false);
        RecordingStream rec = RecordingStream.builder(DepthImage3d.APPLICATION_ID).flushOnExit(false).sink(serve);
        DepthImage3d.log(rec);
        rec.flush();
        try (WatchedProxy web = WatchedProxy.start(serve.url(), 60_000)) {
            WatchedProxy.State first = web.open();
            assertThat(first.problems()).as(first.json()).isEmpty();
            assertThat(first.applicationId()).isEqualTo(DepthImage3d.APPLICATION_ID);
            assertThat(first.recordingId()).isEqualTo(rec.recordingId());
            assertThat(first.timelines().get("log_tick")).isEqualTo(new OfficialViewer.TimeRange(0, 1));
            assertColors(web.screenshot(0, shots.resolve("proxy-demo.png")));

            // Live: three more frames on timeline "frame", one every 300 ms.
            for (int frame = 1; frame <= 3; frame++) {
                rec.setTimeSequence("frame", frame);
                rec.log("world/camera/depth", DepthImage3d.depth());
                rec.flush();
                WatchedProxy.State live = web.waitFor(0, "frame", frame);
                assertThat(live.problems()).as(live.json()).isEmpty();
                assertThat(live.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(1, frame));
                Thread.sleep(300);
            }

            // A late viewer: the whole history.
            WatchedProxy.State late = web.open();
            assertThat(late.problems()).as(late.json()).isEmpty();
            assertThat(late.recordingId()).isEqualTo(rec.recordingId());
            assertThat(late.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(1, 3));
            assertThat(late.timelines().get("log_tick")).isEqualTo(new OfficialViewer.TimeRange(0, 4));
            assertColors(web.screenshot(1, shots.resolve("proxy-late.png")));

            // Shutdown: a clean end of stream; both viewers keep what they have.
            rec.close();
            for (int page = 0; page < 2; page++) {
                WatchedProxy.State after = web.waitClosed(page);
                assertThat(after.streamClosed()).as(after.json()).isTrue();
                assertThat(after.problems()).as(after.json()).isEmpty();
                assertThat(after.recordingId()).isEqualTo(rec.recordingId());
                assertThat(after.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(1, 3));
            }
        } finally {
            rec.close();
        }
    }

    private static void assertColors(Path png) throws Exception {
        BufferedImage shot = ImageIO.read(png.toFile());
        for (int[] color : SdkFilesInOfficialViewerTest.VIRIDIS) {
            assertThat(SdkFilesInOfficialViewerTest.countPixelsNear(shot, color, 2))
                    .as("pixels of color %d,%d,%d in %s", color[0], color[1], color[2], png)
                    .isGreaterThan(2000);
        }
    }
}

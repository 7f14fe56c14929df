package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A followed file truncated in place: its images are views of the file's pages (mapped), which now hold other
 * bytes, so the recording is no longer served (410 naming the file), while the list still shows why.
 */
class SourceChangedTest {

    @TempDir
    Path dir;

    @Test
    void aFollowedFileTruncatedInPlaceIsNoLongerServed() throws Exception {
        Path file = dir.resolve("rewritten.rrd");
        try (RecordingStream rec = RecordingStream.builder("rewritten").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("cam/depth", DepthImage.fromU16(new short[640 * 480], 640, 480).withMeter(1000));
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            assertThat(viewer.follow(file).awaitCaughtUp(20, TimeUnit.SECONDS)).isTrue();
            String base = viewer.url() + "api/recordings/" + viewer.hub().recordings().get(0).key();
            assertThat(RawHttp.get(base + "/image?entity=/cam/depth&timeline=frame&time=0").status()).isEqualTo(200);

            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(100);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (viewer.hub().recordings().get(0).sourceChanged() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            RawHttp.Response image = RawHttp.get(base + "/image?entity=/cam/depth&timeline=frame&time=0");
            assertThat(image.status()).isEqualTo(410);
            assertThat(image.body()).contains("rewritten.rrd").contains("shrank").contains("open the file again");
            assertThat(RawHttp.get(base + "/scene?timeline=frame").status()).isEqualTo(410);
            assertThat(RawHttp.get(viewer.url() + "api/recordings").body()).contains("shrank");
        }
    }
}

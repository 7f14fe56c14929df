package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small file with a 30 000-part entity path (60 KB): the scene walked every ancestor, each lookup naming a
 * path as long as the ancestor, which cost quadratic time (28 s of CPU per /scene). Only entities with data
 * are asked about now.
 */
class DeepEntityPathTest {

    static final int PARTS = 30_000;

    @TempDir
    Path dir;

    @Test
    void aSceneWithAVeryDeepPathIsAnsweredQuickly() throws Exception {
        Path file = dir.resolve("deep.rrd");
        String parent = "a/".repeat(PARTS / 2);
        String deep = parent + "camera/" + "a/".repeat(PARTS / 2 - 2) + "depth"; // seen through the pinhole
        try (RecordingStream rec = RecordingStream.builder("deep").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log(parent + "camera", Pinhole.fromFocalLengthAndResolution(1, 1, 1, 1));
            rec.log(deep, DepthImage.fromU16(new short[] {1000}, 1, 1).withMeter(1000));
        }
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            String scene = viewer.url() + "api/recordings/" + viewer.hub().recordings().get(0).key() + "/scene?timeline=frame";

            long start = System.nanoTime();
            RawHttp.Response response = RawHttp.get(scene);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"depthImages\":[{").contains("\"pinholes\":[{").contains("\"camera\":{");
            // About 0.4 s here; over 20 s before (the bound leaves room for a machine busy with other builds).
            assertThat(seconds).as("seconds for /scene of a %d-part path", PARTS).isLessThan(10);
        }
    }
}

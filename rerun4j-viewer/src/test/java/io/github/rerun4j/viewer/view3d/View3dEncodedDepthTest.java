package io.github.rerun4j.viewer.view3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.Archetype;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.viewer.view3d.View3dPage.Pixels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RVL-encoded depth image gives the very cloud of the DepthImage it encodes (same meter and range as the
 * encoded fallbacks): the same number of points and the same picture from the same default eye.
 */
class View3dEncodedDepthTest {

    private static final int W = 64;
    private static final int H = 48;

    @TempDir
    Path dir;

    @Test
    void theEncodedCloudIsTheDepthImagesCloud() throws Exception {
        short[] mm = new short[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // A tilted plane with a hole (zeros: no points) and a nearer box.
                mm[y * W + x] = (short) (x > 40 && y > 30 ? 0 : x > 10 && x < 25 && y > 10 && y < 20 ? 900 : 1500 + 20 * x + 5 * y);
            }
        }
        Path plain = write("plain.rrd", DepthImage.fromU16(mm, W, H).withMeter(1000).withDepthRange(0, 65535));
        Path rvl = write("rvl.rrd", EncodedDepthImage.rvl(mm, W, H));
        Pixels plainPixels;
        long plainPoints;
        try (View3dPage page = View3dPage.open(plain)) {
            plainPixels = page.readPixels();
            plainPoints = page.gpuPointCount();
        }
        try (View3dPage page = View3dPage.open(rvl)) {
            assertThat(page.gpuPointCount()).isEqualTo(plainPoints).isEqualTo(W * H - 23L * 17);
            Pixels rvlPixels = page.readPixels();
            assertThat(rvlPixels.width()).isEqualTo(plainPixels.width());
            assertThat(rvlPixels.rgba()).isEqualTo(plainPixels.rgba());
        }
    }

    private Path write(String name, Archetype depth) {
        Path file = dir.resolve(name);
        try (RecordingStream rec = RecordingStream.builder("encoded_cloud").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("/cam", Pinhole.fromFocalLengthAndResolution(60, W, H));
            rec.log("/cam/depth", depth);
        }
        return file;
    }
}

package io.github.rerun4j.examples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the official 0.33 viewer paints for NaN depth in 2D, in the reference environment (headless Chromium,
 * SwiftShader): Rerun leaves NaN undefined, and here it comes out as the colormap's t = 1 colour. rerun4j's
 * renderers copy that (docs/semantics.md §3.2, {@code DepthImageRenderer2D.NAN_T}); this test notices if the
 * environment ever disagrees.
 */
@Timeout(300)
class NanDepthInOfficialViewerTest {

    private static final int[] TURBO_T1 = {144, 13, 0};     // #900D00
    private static final int[] TURBO_T0 = {35, 23, 27};     // #23171B
    private static final int[] TURBO_HALF = {150, 250, 80}; // #96FA50

    @BeforeAll
    static void viewerAvailable() {
        OfficialViewer.assumeAvailable();
    }

    @Test
    void nanPixelsAreTheTurboT1Colour(@TempDir Path dir) throws Exception {
        // Left half NaN, right half 1.0 m with a logged range [0, 2]: t = 0.5 (green) beside the NaN colour.
        int w = 300, h = 200;
        float[] metres = new float[w * h];
        for (int y = 0; y < h; y++) {
            Arrays.fill(metres, y * w, y * w + w / 2, Float.NaN);
            Arrays.fill(metres, y * w + w / 2, (y + 1) * w, 1f);
        }
        Path rrd = dir.resolve("nan_depth.rrd");
        try (RecordingStream rec = RecordingStream.builder("rerun4j_nan_depth").saveTo(rrd)) {
            rec.log("depth", DepthImage.fromF32(metres, w, h).withDepthRange(0, 2).withColormap(Colormap.TURBO));
        }

        OfficialViewer.Result r = OfficialViewer.check(rrd);

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.screenshot()).as("screenshot of %s", r).isPresent();
        BufferedImage shot = ImageIO.read(r.screenshot().get().toFile());
        int half = countPixelsNear(shot, TURBO_HALF);
        int t1 = countPixelsNear(shot, TURBO_T1);
        int t0 = countPixelsNear(shot, TURBO_T0);
        assertThat(half).as("t = 0.5 pixels in %s", r.screenshot().get()).isGreaterThan(2000);
        assertThat(t1).as("NaN pixels as the t = 1 colour in %s (t = 0 colour: %d)", r.screenshot().get(), t0)
                .isGreaterThan(half / 2);
    }

    private static int countPixelsNear(BufferedImage image, int[] rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - rgb[0]) <= 2 && Math.abs((p >> 8 & 0xFF) - rgb[1]) <= 2
                        && Math.abs((p & 0xFF) - rgb[2]) <= 2) {
                    count++;
                }
            }
        }
        return count;
    }
}

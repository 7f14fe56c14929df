package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.types.Colormap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Depth images sharing a 2D space are drawn together in draw order (higher on top, RvizCostmap's zero
 * cells see-through), and a new row at another time is fetched and shown.
 */
class View2dLayersTest {

    private static final int W = 40;
    private static final int H = 30;
    private static final int SMALL_W = 20;
    private static final int SMALL_H = 10;

    @TempDir
    Path dir;

    @Test
    void imagesOfOneSpaceAreLayeredByDrawOrderAndFollowTheTime() throws Exception {
        DepthImage big0 = DepthImage.fromU16(TestImages.u16(TestImages.gradientWithEdges(W, H), 60000), W, H);
        DepthImage big1 = DepthImage.fromU16(reversed(TestImages.u16(TestImages.gradientWithEdges(W, H), 60000)), W, H);
        DepthImage smallOnTop = DepthImage.fromU8(costmapCells(), SMALL_W, SMALL_H)
                .withColormap(Colormap.RVIZ_COSTMAP).withDrawOrder(5);
        DepthImage smallBelow = smallOnTop.withDrawOrder(-30);
        Path file = dir.resolve("layers.rrd");
        try (RecordingStream rec = RecordingStream.builder("view2d_layers").saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("cam/big", big0);
            rec.log("cam/small", smallOnTop);
            rec.setTimeSequence("frame", 1);
            rec.log("cam/big", big1);
            rec.log("cam/small", smallBelow);
        }
        try (View2dPage page = View2dPage.open(file)) {
            page.waitUntilReady("/cam/big");
            page.browser.js("return window.rerun4j.state.setTime('frame', 0)");
            page.browser.waitFor("frame 0", () -> Boolean.TRUE.equals(page.browser.js(
                    "return window.rerun4j.state.scene?.time === 0")));
            int[] frame0 = page.readPixels("/cam/big", W, H);
            int[] expected0 = overlay(DepthImageRenderer2D.render(big0), DepthImageRenderer2D.render(smallOnTop));
            PixelComparison c0 = PixelComparison.of(frame0, expected0, W, 1);
            assertThat(c0.mismatches()).as(c0.describe()).isZero();
            assertThat(frame0).as("the small image shows on top").isNotEqualTo(DepthImageRenderer2D.render(big0));
            // The small image's own view draws the same space, so the same picture at the big one's scale.
            int[] fromSmallView = page.readPixels("/cam/small", SMALL_W, SMALL_H);
            for (int y = 0; y < SMALL_H; y++) {
                for (int x = 0; x < SMALL_W; x++) {
                    assertThat(fromSmallView[y * SMALL_W + x]).isEqualTo(frame0[y * W + x]);
                }
            }

            page.browser.js("return window.rerun4j.state.setTime('frame', 1)");
            page.browser.waitFor("frame 1", () -> Boolean.TRUE.equals(page.browser.js(
                    "return window.rerun4j.state.scene?.time === 1")));
            int[] frame1 = page.readPixels("/cam/big", W, H);
            PixelComparison c1 = PixelComparison.of(frame1, DepthImageRenderer2D.render(big1), W, 1);
            assertThat(c1.mismatches()).as("the big image covers the small one now: " + c1.describe()).isZero();
            page.browser.screenshot("view2d-layers");
            assertThat(page.browser.consoleErrors()).isEmpty();
        }
    }

    /** Draws {@code top} (SMALL_W x SMALL_H at the origin) over {@code bottom} with its alpha (0 or 255). */
    private static int[] overlay(int[] bottom, int[] top) {
        int[] out = bottom.clone();
        for (int y = 0; y < SMALL_H; y++) {
            for (int x = 0; x < SMALL_W; x++) {
                int t = top[y * SMALL_W + x];
                if (Argb.alpha(t) == 255) {
                    out[y * W + x] = t;
                }
            }
        }
        return out;
    }

    /** Costs 0 (see-through) in a checker of 5x5 blocks, other cells 1..254. */
    private static byte[] costmapCells() {
        byte[] out = new byte[SMALL_W * SMALL_H];
        for (int y = 0; y < SMALL_H; y++) {
            for (int x = 0; x < SMALL_W; x++) {
                out[y * SMALL_W + x] = (byte) (((x / 5) + (y / 5)) % 2 == 0 ? 0 : 1 + (x * 13 + y * 7) % 254);
            }
        }
        return out;
    }

    private static short[] reversed(short[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }
}

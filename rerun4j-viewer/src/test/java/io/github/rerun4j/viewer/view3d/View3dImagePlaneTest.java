package io.github.rerun4j.viewer.view3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.Image;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.viewer.view3d.View3dPage.Pixels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colour image under a pinhole is drawn in 3D on the pinhole's image plane: each quadrant of the image shows at
 * the world point where its pixels unproject at the image plane distance, and nowhere else; hovering it names the
 * texel and its colour.
 */
class View3dImagePlaneTest {

    private static final int W = 40;
    private static final int H = 30;
    private static final double F = 20;
    private static final double D = 2; // logged image plane distance
    /** Quadrants: red top-left, green top-right, blue bottom-left, white bottom-right. */
    private static final int[] QUADRANTS = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF};

    @TempDir
    Path dir;

    @Test
    void theImageLiesOnItsPinholesImagePlane() throws Exception {
        byte[] rgb = new byte[W * H * 3];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int c = QUADRANTS[(y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1)];
                rgb[3 * (y * W + x)] = (byte) (c >> 16);
                rgb[3 * (y * W + x) + 1] = (byte) (c >> 8);
                rgb[3 * (y * W + x) + 2] = (byte) c;
            }
        }
        Path file = dir.resolve("plane.rrd");
        try (RecordingStream rec = RecordingStream.builder("image_plane").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("/cam", Pinhole.fromIntrinsics(F, F, W / 2.0, H / 2.0, W, H).withImagePlaneDistance(D));
            rec.log("/cam/rgb", Image.fromRgb8(rgb, W, H));
        }
        try (View3dPage page = View3dPage.open(file)) {
            page.waitUntilReady();
            assertThat(page.js("return " + View3dPage.VIEW + ".drawn")).asList().contains("/cam/rgb");
            // Look at the plane from behind the camera, straight down its axis (RDF: +z forward, y down).
            page.lookAt(new double[] {0, 0, -1}, new double[] {0, 0, D}, new double[] {0, -1, 0}, 90);
            page.js("return 0"); // let the frame request land
            Pixels pixels = page.readPixels();
            @SuppressWarnings("unchecked")
            Map<String, Object> canvas = (Map<String, Object>) page.camera().get("canvas");
            double scale = pixels.width() / ((Number) canvas.get("width")).doubleValue();
            // Off the frustum's edge lines, which run from the centre to the corners.
            double[][] pixelsOfQuadrants = {{12, 4}, {28, 4}, {12, 26}, {28, 26}};
            for (int q = 0; q < 4; q++) {
                double u = pixelsOfQuadrants[q][0];
                double v = pixelsOfQuadrants[q][1];
                double[] at = page.canvasPositionOf((u - W / 2.0) * D / F, (v - H / 2.0) * D / F, D);
                int x = (int) Math.floor(at[0] * scale);
                int y = (int) Math.floor(at[1] * scale);
                assertThat(Integer.toHexString(pixels.rgb(x, y))).as("quadrant " + q + " at " + x + ", " + y)
                        .isEqualTo(Integer.toHexString(QUADRANTS[q]));
            }
            // Hover: the texel of the plane under the cursor and its colour, as in the 2D view.
            double[] texel = page.canvasPositionOf((12.5 - W / 2.0) * D / F, (4.5 - H / 2.0) * D / F, D);
            assertThat(page.pick(texel[0], texel[1])).containsEntry("entity", "/cam/rgb")
                    .containsEntry("x", 12L).containsEntry("y", 4L);
            page.moveMouseTo(texel[0], texel[1]);
            page.browser().waitFor("the hover of the plane's texel", () -> Boolean.TRUE.equals(page.js(
                    "const h = " + View3dPage.VIEW + ".lastHover; return !!h && h.entity === '/cam/rgb' && h.lines.length === 2")));
            assertThat(page.js("return " + View3dPage.VIEW + ".lastHover.lines")).asList()
                    .containsExactly("Position: 12, 4", "RGB: 255,   0,   0, #FF0000");
            // Outside the plane (beyond its right edge at the same depth): not the image.
            double[] outside = page.canvasPositionOf((W / 2.0 + 2) * D / F, 0, D);
            assertThat(outside[0] * scale).isLessThan(pixels.width());
            int outsideRgb = pixels.rgb((int) (outside[0] * scale), (int) (outside[1] * scale));
            for (int c : QUADRANTS) {
                assertThat(outsideRgb).isNotEqualTo(c);
            }
        }
    }
}

package io.github.rerun4j.viewer.view3d;

import static io.github.rerun4j.viewer.view3d.RgbCloudScenes.COLOUR;
import static io.github.rerun4j.viewer.view3d.RgbCloudScenes.H;
import static io.github.rerun4j.viewer.view3d.RgbCloudScenes.W;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's RGB cloud from an unregistered pair: the colour camera sits 0.4 m right of the depth camera under its
 * own Pinhole (same intrinsics), so a depth pixel at column x looks at colour column x - 16 (render's RgbCloud
 * rule: at 1.5 m, 0.4 m is 16 pixels of fx = 60). Points left of column 16 fall outside the colour image and keep
 * their colormap colour; the others take the colour image's colour; the hover names the texel.
 */
class UnregisteredRgbCloudTest {

    @TempDir
    Path dir;

    @Test
    void pointsSeenByTheColourCameraTakeItsColourTheOthersKeepTheColormap() throws Exception {
        Path file = dir.resolve("unregistered.rrd");
        try (RecordingStream rec = RecordingStream.builder("rgb_unregistered").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("/cam", Pinhole.fromFocalLengthAndResolution(60, W, H));
            rec.log("/rgbcam", Transform3D.fromTranslation(0.4f, 0, 0));
            rec.log("/rgbcam", Pinhole.fromFocalLengthAndResolution(60, W, H));
            rec.log("/cam/depth", RgbCloudScenes.flatDepth().withColorSource("/rgbcam/rgb"));
            rec.log("/rgbcam/rgb", RgbCloudScenes.oneColour());
        }
        try (View3dPage page = View3dPage.open(file)) {
            page.js("window.rerun4j.state.setHidden('/rgbcam/rgb', true)"); // only the cloud may show the colour
            page.waitUntilReady();
            Map<String, Object> source = page.browser().jsMap(
                    "return window.rerun4j.state.scene.depthImages[0].rgbSource");
            assertThat(source).containsEntry("entity", "/rgbcam/rgb").containsEntry("fit", "UNREGISTERED");
            // Straight on, past the grid (z = 0), wide enough for the whole cloud on the narrow 3D canvas.
            page.lookAt(new double[] {0, 0, 0.1}, new double[] {0, 0, 1.5}, new double[] {0, -1, 0}, 100);
            page.waitUntilReady();
            double[] seen = page.canvasPositionOf(8 / 60.0 * 1.5, 0, 1.5);      // depth pixel (40, 24): texel (24, 24)
            double[] unseen = page.canvasPositionOf(-26 / 60.0 * 1.5, 0, 1.5);  // depth pixel (6, 24): texel (-10, 24)
            View3dPage.Pixels off = page.readPixels();
            assertThat(off.count(COLOUR, 0)).as("off by default: colormap").isZero();

            page.js("window.rerun4j.state.setRgbClouds(true)");
            page.waitUntilReady();
            View3dPage.Pixels on = page.readPixels();
            assertThat(on.count(COLOUR, 0)).as("on: the points the colour camera sees").isGreaterThan(1000);
            assertThat(rgbAt(on, page, seen)).as("a point the colour camera sees").isEqualTo(COLOUR);
            assertThat(rgbAt(on, page, unseen)).as("a point outside the colour image keeps its colormap colour")
                    .isEqualTo(rgbAt(off, page, unseen)).isNotEqualTo(COLOUR);

            page.moveMouseTo(seen[0], seen[1]);
            String tooltip = RgbCloudScenes.colourTooltip(page);
            assertThat(tooltip).contains("Colour: 250,  10, 200, #FA0AC8 (/rgbcam/rgb texel ");

            // The occlusion box asks for the colours with the test; a flat wall hides nothing from the colour camera.
            page.js("document.querySelector('.rgb-toggle .rgb-occlusion').click()");
            page.waitUntilReady();
            assertThat(page.browser().jsMap("const s = window.rerun4j.state; return {url: s.rgbSourceUrl("
                    + "s.scene.depthImages[0].rgbSource), on: s.rgbOcclusion}"))
                    .containsEntry("on", true).extractingByKey("url").asString().endsWith("&occlusion=1");
            View3dPage.Pixels occluded = page.readPixels();
            assertThat(occluded.count(COLOUR, 0)).isEqualTo(on.count(COLOUR, 0));
            assertThat(rgbAt(occluded, page, seen)).isEqualTo(COLOUR);

            // The pointer stays; with the RGB clouds off, the refreshed hover has no colour line any more.
            page.js("window.rerun4j.state.setRgbClouds(false)");
            page.waitUntilReady();
            page.browser().waitFor("the hover answer without a colour line", () -> Boolean.TRUE.equals(page.js(
                    "const h = " + View3dPage.VIEW + ".lastHover; return !!h && !!h.lines && h.lines.length > 0"
                            + " && !h.lines.some(l => l.startsWith('Colour'))")));
        }
    }

    /** The colour read back at CSS canvas position {@code at} (the read-back may have more pixels than CSS). */
    private static int rgbAt(View3dPage.Pixels pixels, View3dPage page, double[] at) {
        @SuppressWarnings("unchecked")
        Map<String, Object> canvas = (Map<String, Object>) page.camera().get("canvas");
        double scale = pixels.width() / ((Number) canvas.get("width")).doubleValue();
        assertThat(at[0] * scale).as("on the canvas").isBetween(0.0, pixels.width() - 1.0);
        assertThat(at[1] * scale).as("on the canvas").isBetween(0.0, pixels.height() - 1.0);
        return pixels.rgb((int) Math.floor(at[0] * scale), (int) Math.floor(at[1] * scale));
    }
}

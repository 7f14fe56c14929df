package io.github.rerun4j.viewer.view3d;

import static io.github.rerun4j.viewer.view3d.RgbCloudScenes.COLOUR;
import static io.github.rerun4j.viewer.view3d.RgbCloudScenes.H;
import static io.github.rerun4j.viewer.view3d.RgbCloudScenes.W;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RGB cloud toggle (rerun4j extension): off by default, so the cloud has its colormap colours as in Rerun;
 * on in the 3D view, every point takes its colour image texel's colour exactly; an entity's own choice in the
 * selection panel wins over the view's.
 */
class RgbCloudToggleTest {

    @TempDir
    Path dir;

    @Test
    void offByDefaultOnPerViewAndPerEntity() throws Exception {
        Path file = dir.resolve("rgbd.rrd");
        try (RecordingStream rec = RecordingStream.builder("rgb_cloud").defaultTimelines(false).saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("/cam", Pinhole.fromFocalLengthAndResolution(60, W, H));
            rec.log("/cam/depth", RgbCloudScenes.flatDepth());
            rec.log("/cam/rgb", RgbCloudScenes.oneColour());
        }
        try (View3dPage page = View3dPage.open(file)) {
            // The image plane shows the same colour: hidden, so only the cloud can show it.
            page.js("window.rerun4j.state.setHidden('/cam/rgb', true)");
            page.waitUntilReady();
            assertThat(page.readPixels().count(COLOUR, 0)).as("off by default: colormap").isZero();
            Map<String, Object> source = page.browser().jsMap(
                    "return window.rerun4j.state.scene.depthImages[0].rgbSource");
            assertThat(source).containsEntry("entity", "/cam/rgb").containsEntry("fit", "SAME_SIZE");

            page.js("window.rerun4j.state.setRgbClouds(true)");
            page.waitUntilReady();
            long coloured = page.readPixels().count(COLOUR, 0);
            assertThat(coloured).as("on: the colour image's texels, exactly").isGreaterThan(1000);
            assertThat(page.js("return document.querySelector('.rgb-toggle input').checked")).isEqualTo(true);
            // Hovering a coloured point also names its texel and colour.
            double[] centre = page.canvasPositionOf(0, 0, 1.5);
            page.moveMouseTo(centre[0], centre[1]);
            String tooltip = RgbCloudScenes.colourTooltip(page);
            assertThat(tooltip).contains("Colour: 250,  10, 200, #FA0AC8 (/cam/rgb texel ");

            page.js("window.rerun4j.state.setOverride('/cam/depth', {rgbCloud: false})");
            page.waitUntilReady();
            assertThat(page.readPixels().count(COLOUR, 0)).as("the entity's choice wins").isZero();
        }
    }
}

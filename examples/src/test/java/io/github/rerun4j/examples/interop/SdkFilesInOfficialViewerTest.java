package io.github.rerun4j.examples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.examples.DepthImageSimple;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.types.Color;
import io.github.rerun4j.sdk.types.Colormap;
import io.github.rerun4j.sdk.types.MagnificationFilter;
import io.github.rerun4j.sdk.types.Quaternion;
import io.github.rerun4j.sdk.types.RotationAxisAngle;
import io.github.rerun4j.sdk.types.Vec3D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SDK writes, opened by the official Rerun 0.33 web viewer: the right application id and
 * timelines, no errors or warnings, and (in the screenshot) the depth image in the colormap colors that
 * docs/semantics.md gives for the snippets' three regions.
 */
@Timeout(300)
class SdkFilesInOfficialViewerTest {

    // Screen colors (8-bit sRGB) of background 65535, square 20000 and bar 45000 with range [0, 65535].
    private static final int[][] TURBO = {{144, 13, 0}, {40, 218, 192}, {255, 171, 36}};
    static final int[][] VIRIDIS = {{252, 231, 33}, {53, 97, 142}, {61, 187, 116}};

    @BeforeAll
    static void viewerAvailable() {
        OfficialViewer.assumeAvailable();
    }

    @Test
    void depthImageSimpleOpensWithTurboColors(@TempDir Path dir) throws Exception {
        Path rrd = dir.resolve("depth_image_simple.rrd");
        DepthImageSimple.write(rrd);

        OfficialViewer.Result r = OfficialViewer.check(rrd);

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.applicationId()).isEqualTo("rerun_example_depth_image_simple");
        assertThat(r.timelines()).containsKeys("log_tick", "log_time");
        assertThat(r.timelines().get("log_tick")).isEqualTo(new OfficialViewer.TimeRange(0, 0));
        assertRegionColors(r, TURBO);
    }

    @Test
    void depthImage3dOpensWithViridisColorsAndBothTimelines(@TempDir Path dir) throws Exception {
        Path rrd = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(rrd);

        OfficialViewer.Result r = OfficialViewer.check(rrd);

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.applicationId()).isEqualTo("rerun_example_depth_image_3d");
        assertThat(r.timelines().get("log_tick")).isEqualTo(new OfficialViewer.TimeRange(0, 1));
        OfficialViewer.TimeRange logTime = r.timelines().get("log_time");
        long nowNs = System.currentTimeMillis() * 1_000_000L;
        assertThat(logTime.min()).isBetween(nowNs - 600_000_000_000L, nowNs);
        assertThat(logTime.max()).isGreaterThanOrEqualTo(logTime.min());
        assertRegionColors(r, VIRIDIS);
    }

    @Test
    void lz4CompressedFileOpens(@TempDir Path dir) throws Exception {
        Path rrd = dir.resolve("depth_lz4.rrd");
        try (RecordingStream rec = RecordingStream.builder("rerun4j_interop_lz4").saveTo(rrd, true)) {
            rec.log("depth", DepthImage.fromU16(snippetPixels(), 300, 200).withMeter(10_000));
        }

        OfficialViewer.Result r = OfficialViewer.check(rrd);

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.applicationId()).isEqualTo("rerun4j_interop_lz4");
        assertRegionColors(r, TURBO);
    }

    /** Every component the SDK can write, on a custom timeline, batched into multi-row chunks. */
    @Test
    void everyComponentOnACustomTimelineOpensWithoutWarnings(@TempDir Path dir) throws Exception {
        Path rrd = dir.resolve("all_components.rrd");
        try (RecordingStream rec = RecordingStream.builder("rerun4j_interop_all_components").saveTo(rrd)) {
            rec.logStatic("world", ViewCoordinates.RIGHT_HAND_Z_UP);
            rec.logStatic("world/camera", Transform3D.fromTranslationRotation(new Vec3D(1, 0.5f, 0),
                    RotationAxisAngle.ofDegrees(new Vec3D(0, 0, 1), 30)));
            // Rerun draws a pinhole only under isometric transforms, so the scale goes on a sibling.
            rec.logStatic("world/rig", Transform3D.fromRotation(new Quaternion(0, 0, 0.38268343f, 0.9238795f))
                    .withScale(1.5f));
            for (int frame = 0; frame < 5; frame++) {
                rec.setTimeSequence("frame", frame);
                rec.setDurationNanos("sim_time", frame * 33_000_000L);
                rec.log("world/camera", Pinhole.fromFocalLengthAndResolution(200, 240, 300, 200)
                        .withCameraXyz(ViewCoordinates.RDF)
                        .withImagePlaneDistance(0.5)
                        .withColor(Color.fromRgb(255, 128, 0))
                        .withLineWidth(0.01));
                float[] metres = new float[64 * 48];
                for (int i = 0; i < metres.length; i++) {
                    metres[i] = 0.5f + frame * 0.1f + (i % 64) * 0.01f;
                }
                rec.log("world/camera/depth", DepthImage.fromF32(metres, 64, 48)
                        .withMeter(1)
                        .withColormap(Colormap.PLASMA)
                        .withDepthRange(0, 2)
                        .withPointFillRatio(0.5)
                        .withDrawOrder(5)
                        .withMagnificationFilter(MagnificationFilter.LINEAR));
            }
        }

        OfficialViewer.Result r = OfficialViewer.check(rrd, "frame", "sim_time");

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(0, 4));
        assertThat(r.timelines().get("sim_time")).isEqualTo(new OfficialViewer.TimeRange(0, 4 * 33_000_000L));
    }

    private static void assertRegionColors(OfficialViewer.Result r, int[][] colors) throws Exception {
        assertThat(r.screenshot()).as("screenshot of %s", r).isPresent();
        BufferedImage shot = ImageIO.read(r.screenshot().get().toFile());
        for (int[] color : colors) {
            assertThat(countPixelsNear(shot, color, 2))
                    .as("pixels of color %d,%d,%d in %s", color[0], color[1], color[2], r.screenshot().get())
                    .isGreaterThan(2000);
        }
    }

    static int countPixelsNear(BufferedImage image, int[] rgb, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - rgb[0]) <= tolerance && Math.abs((p >> 8 & 0xFF) - rgb[1]) <= tolerance
                        && Math.abs((p & 0xFF) - rgb[2]) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    private static short[] snippetPixels() {
        short[] depth = new short[300 * 200];
        java.util.Arrays.fill(depth, (short) 65535);
        for (int y = 50; y < 150; y++) {
            for (int x = 50; x < 150; x++) {
                depth[y * 300 + x] = 20000;
            }
        }
        for (int y = 130; y < 180; y++) {
            for (int x = 100; x < 280; x++) {
                depth[y * 300 + x] = (short) 45000;
            }
        }
        return depth;
    }
}

package io.github.rerun4j.examples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.RgbdRvl;
import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.archetypes.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour and compressed depth written by the SDK, opened by the official Rerun 0.33 web viewer: no errors or
 * warnings, the colour image's exact colours on screen, and RVL depth in the same colours as the equivalent
 * DepthImage.
 */
@Timeout(300)
class RgbdInOfficialViewerTest {

    /** Turbo over [0, 2000] (the DepthImage's automatic range) for 500, 1000, 1500, 2000 mm. */
    private static final int[][] TURBO_0_2000 = {{0x26, 0xBD, 0xE1}, {0x96, 0xFA, 0x50}, {0xFF, 0x80, 0x1D}, {0x90, 0x0D, 0x00}};
    /** Turbo over [0, 65535], 0.33's default range for RVL without depth_range, for the same depths. */
    private static final int[][] TURBO_0_65535 = {{0x2B, 0x1C, 0x33}, {0x32, 0x20, 0x49}, {0x38, 0x25, 0x5D}, {0x3D, 0x29, 0x70}};

    @BeforeAll
    static void viewerAvailable() {
        OfficialViewer.assumeAvailable();
    }

    @Test
    void rgbdFileOpensCleanlyWithTheColourImagesExactColours(@TempDir Path dir) throws Exception {
        Path rrd = dir.resolve("rgbd_rvl.rrd");
        RgbdRvl.write(rrd);

        OfficialViewer.Result r = OfficialViewer.check(rrd, "frame");

        assertThat(r.ok()).as("%s", r).isTrue();
        assertThat(r.problems()).isEmpty();
        assertThat(r.applicationId()).isEqualTo(RgbdRvl.APPLICATION_ID);
        assertThat(r.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(0, 0));
        BufferedImage shot = screenshot(r);
        for (int c : RgbdRvl.colours()) {
            int[] rgb = {c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF};
            assertThat(countPixelsNear(shot, rgb, 1)).as("pixels of #%06X in %s", c, r.screenshot().get())
                    .isGreaterThan(100);
        }
    }

    @Test
    void colourImageAloneShowsItsBytes(@TempDir Path dir) throws Exception {
        Path rrd = dir.resolve("rgb.rrd");
        try (RecordingStream rec = RecordingStream.builder("rerun4j_interop_rgb").saveTo(rrd)) {
            rec.setTimeSequence("frame", 0);
            rec.log("rgb", Image.fromRgb8(RgbdRvl.rgb(), RgbdRvl.WIDTH, RgbdRvl.HEIGHT));
        }
        OfficialViewer.Result r = OfficialViewer.check(rrd, "frame");
        assertThat(r.ok()).as("%s", r).isTrue();
        BufferedImage shot = screenshot(r);
        for (int c : RgbdRvl.colours()) {
            int[] rgb = {c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF};
            assertThat(countPixelsNear(shot, rgb, 0)).as("exact pixels of #%06X in %s", c, r.screenshot().get())
                    .isGreaterThan(500);
        }
    }

    @Test
    void rvlDepthHasTheColoursOfTheEquivalentDepthImage(@TempDir Path dir) throws Exception {
        DepthImage depth = RgbdRvl.depth();
        Path plain = dir.resolve("depth.rrd");
        Path rvl = dir.resolve("depth_rvl.rrd");
        Path rvlDefaultRange = dir.resolve("depth_rvl_default_range.rrd");
        write(plain, depth);
        write(rvl, EncodedDepthImage.rvl(depth));
        short[] mm = new short[RgbdRvl.WIDTH * RgbdRvl.HEIGHT];
        depth.buffer().asByteBuffer().asShortBuffer().get(mm);
        write(rvlDefaultRange, EncodedDepthImage.rvl(mm, RgbdRvl.WIDTH, RgbdRvl.HEIGHT));

        for (Path file : new Path[] {plain, rvl}) {
            OfficialViewer.Result r = OfficialViewer.check(file, "frame");
            assertThat(r.ok()).as("%s", r).isTrue();
            BufferedImage shot = screenshot(r);
            for (int[] colour : TURBO_0_2000) {
                assertThat(countPixelsNear(shot, colour, 2)).as("%s: pixels of %02X%02X%02X in %s", file.getFileName(),
                        colour[0], colour[1], colour[2], r.screenshot().get()).isGreaterThan(500);
            }
        }
        // Without depth_range, 0.33 spreads RVL depth over [0, 65535]: the trap the one-call factory avoids.
        OfficialViewer.Result r = OfficialViewer.check(rvlDefaultRange, "frame");
        assertThat(r.ok()).as("%s", r).isTrue();
        BufferedImage shot = screenshot(r);
        for (int[] colour : TURBO_0_65535) {
            assertThat(countPixelsNear(shot, colour, 2)).as("pixels of %02X%02X%02X in %s",
                    colour[0], colour[1], colour[2], r.screenshot().get()).isGreaterThan(500);
        }
    }

    private static void write(Path file, io.github.rerun4j.sdk.archetypes.Archetype depth) {
        try (RecordingStream rec = RecordingStream.builder("rerun4j_interop_depth").saveTo(file)) {
            rec.setTimeSequence("frame", 0);
            rec.log("depth", depth);
        }
    }

    private static BufferedImage screenshot(OfficialViewer.Result r) throws Exception {
        assertThat(r.screenshot()).as("screenshot of %s", r).isPresent();
        return ImageIO.read(r.screenshot().get().toFile());
    }

    private static int countPixelsNear(BufferedImage image, int[] rgb, int tolerance) {
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
}

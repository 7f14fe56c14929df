package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.RgbdFixtures;
import io.github.rerun4j.sdk.archetypes.EncodedDepthImage;
import io.github.rerun4j.sdk.types.ImageBuffer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * render, points, hover, dataframe on the worked 4x3 RGB-D example with RVL depth (next-archetypes §5): Rerun 0.33's
 * colours for RVL without depth_range (§5.6) and the DepthImage's points (§5.5).
 */
class EncodedDepthCommandsTest {

    @TempDir
    static Path dir;
    static Path rgbd;

    @BeforeAll
    static void write() {
        rgbd = dir.resolve("rgbd.rrd");
        try (RecordingStream rec = RecordingStream.builder("cli_rgbd").saveTo(rgbd)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            rec.setTimeSequence("frame", 0);
            rec.log("world/camera/rgb", RgbdFixtures.colour());
            rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
        }
    }

    @Test
    void render2dFindsTheOnlyDepthEntityAndColoursItAs033Does() throws IOException {
        Path png = dir.resolve("depth.png");
        CliRun run = CliRun.of("render", rgbd.toString(), "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("world/camera/depth");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getRGB(3, 0) & 0xFFFFFF).as("2000 mm over [0, 65535]").isEqualTo(0x3D2970);
        assertThat(image.getRGB(0, 2) & 0xFFFFFF).as("500 mm").isEqualTo(0x2B1C33);
    }

    @Test
    void hoverShowsDepthInMetres() {
        CliRun run = CliRun.of("hover", rgbd.toString(), "--pixel", "3,0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // Val: the f32 the viewer reads back from the RVL texture, right-aligned as f32 values are
        assertThat(run.out()).containsPattern("Position: 3, 0\nDepth: 2\\.000 m\nVal: +2\u2009000\n");
    }

    @Test
    void pointsAreTheWorkedExamplesEight() throws IOException {
        Path ply = dir.resolve("cloud.ply");
        CliRun run = CliRun.of("points", rgbd.toString(), "--out", ply.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] bytes = Files.readAllBytes(ply);
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        int end = text.indexOf("end_header\n") + 11;
        assertThat(text.substring(0, end)).contains("element vertex 8");
        ByteBuffer body = ByteBuffer.wrap(bytes, end, bytes.length - end).slice().order(ByteOrder.LITTLE_ENDIAN);
        float[][] expected = {{-0.5f, -0.75f, 1f}, {0f, -0.75f, 1f}, {1f, -1.5f, 2f}, {-1.5f, -0.375f, 1.5f},
                {0.75f, -0.375f, 1.5f}, {-0.5f, 0.125f, 0.5f}, {-0.4995f, 0.24975f, 0.999f}, {0f, 0.25025f, 1.001f}};
        for (int i = 0; i < 8; i++) {
            float[] p = {body.getFloat(i * 15), body.getFloat(i * 15 + 4), body.getFloat(i * 15 + 8)};
            for (int k = 0; k < 3; k++) {
                assertThat(p[k]).as("point %d axis %d: %s", i, k, Arrays.toString(p))
                        .isCloseTo(expected[i][k], org.assertj.core.data.Offset.offset(2e-6f));
            }
        }
        // (3,0), 2000 mm, Turbo over [0, 65535]
        assertThat(new int[] {body.get(2 * 15 + 12) & 0xFF, body.get(2 * 15 + 13) & 0xFF, body.get(2 * 15 + 14) & 0xFF})
                .containsExactly(0x3D, 0x29, 0x70);
    }

    @Test
    void dataframeCellsAsRerunShowsThem() {
        CliRun run = CliRun.of("dataframe", rgbd.toString(), "--timeline", "frame");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("EncodedDepthImage:media_type").contains("application/rvl")
                .contains("Image:format").contains("RGB U8 4\u00D73").contains("EncodedDepthImage:meter")
                .contains("[0, 0, 0, 0, 0, 0, \u2026]");
    }

    @Test
    void aTruncatedRvlBlobIsBadDataNamingTheProblem() {
        Path bad = dir.resolve("bad.rrd");
        byte[] blob = RgbdFixtures.rvlDepth().blob().toByteArray();
        try (RecordingStream rec = RecordingStream.builder("cli_bad").saveTo(bad)) {
            rec.logStatic("cam", RgbdFixtures.pinhole());
            rec.setTimeSequence("frame", 0);
            rec.log("cam/depth", new EncodedDepthImage(ImageBuffer.of(Arrays.copyOf(blob, 28)), "application/rvl"));
        }
        for (String[] args : new String[][] {{"render", bad.toString(), "--out", dir.resolve("bad.png").toString()},
                {"points", bad.toString(), "--out", dir.resolve("bad.ply").toString()},
                {"hover", bad.toString(), "--pixel", "0,0"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(args[0]).isEqualTo(ExitCode.BAD_DATA);
            assertThat(run.err()).contains("the encoded depth image of /cam/depth at frame = 0 cannot be decoded: "
                    + "RVL blob: got a stream that ends at byte 28");
        }
        assertThat(Files.exists(dir.resolve("bad.png"))).isFalse();
    }

    private static int[] plyColour(Path ply, int point) throws IOException {
        byte[] bytes = Files.readAllBytes(ply);
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        int at = text.indexOf("end_header\n") + 11 + point * 15 + 12;
        return new int[] {bytes[at] & 0xFF, bytes[at + 1] & 0xFF, bytes[at + 2] & 0xFF};
    }

    @Test
    void rgbCloudsColourThePlyFromTheRegisteredColourImage() throws IOException {
        Path off = dir.resolve("off.ply");
        Path on = dir.resolve("on.ply");
        assertThat(CliRun.of("points", rgbd.toString(), "--out", off.toString()).exitCode()).isZero();
        CliRun run = CliRun.of("points", rgbd.toString(), "--rgb-clouds", "--out", on.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(plyColour(off, 0)).as("off: the colormap").containsExactly(0x32, 0x20, 0x49);
        // pixels (1,0) (3,0) (1,2): colour texels (0,255,0) (255,255,255) (10,20,30)
        assertThat(plyColour(on, 0)).containsExactly(0, 255, 0);
        assertThat(plyColour(on, 2)).containsExactly(255, 255, 255);
        assertThat(plyColour(on, 6)).containsExactly(10, 20, 30);
    }

    @Test
    void rgbCloudsRender3dAndTheirMistakes() throws IOException {
        Path png = dir.resolve("rgb3d.png");
        CliRun run = CliRun.of("render", rgbd.toString(), "--view", "3d", "--rgb-clouds", "--size", "400x300",
                "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        int green = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                green += (image.getRGB(x, y) & 0xFFFFFF) == 0x00FF00 ? 1 : 0;
            }
        }
        assertThat(green).as("pixels of the green point").isGreaterThan(20);
        CliRun twoD = CliRun.of("render", rgbd.toString(), "--rgb-clouds", "--out", dir.resolve("x.png").toString());
        assertThat(twoD.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(twoD.err()).contains("--rgb-clouds colours the 3D cloud: use it with --view 3d");

        Path depthOnly = dir.resolve("depth_only.rrd");
        try (RecordingStream rec = RecordingStream.builder("cli_depth_only").saveTo(depthOnly)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            rec.setTimeSequence("frame", 0);
            rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
        }
        CliRun none = CliRun.of("points", depthOnly.toString(), "--rgb-clouds", "--out", dir.resolve("n.ply").toString());
        assertThat(none.exitCode()).isZero();
        assertThat(none.err()).contains("no colour image under the pinhole /world/camera");
    }

    @Test
    void render2dOfTheColourImageShowsItsBytes() throws IOException {
        Path png = dir.resolve("rgb.png");
        CliRun run = CliRun.of("render", rgbd.toString(), "--entity", "world/camera/rgb", "--size", "8x6",
                "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("colour image world/camera/rgb");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(3, 1) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(image.getRGB(7, 5) & 0xFFFFFF).isEqualTo(0x010203);
        CliRun bad = CliRun.of("render", rgbd.toString(), "--entity", "world/camera/rgb", "--colormap", "viridis",
                "--out", dir.resolve("y.png").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("is a colour image");
    }

    @Test
    void theHintChoosesTheColourSourceAndAmbiguityIsAWarning() throws IOException {
        Path two = dir.resolve("two_colours.rrd");
        Path hinted = dir.resolve("hinted.rrd");
        Path elsewhere = dir.resolve("elsewhere.rrd");
        byte[] white = new byte[4 * 3 * 3];
        java.util.Arrays.fill(white, (byte) 255);
        for (Path file : new Path[] {two, hinted, elsewhere}) {
            try (RecordingStream rec = RecordingStream.builder("cli_hint").saveTo(file)) {
                rec.logStatic("world/camera", RgbdFixtures.pinhole());
                rec.logStatic("world/other", RgbdFixtures.pinhole());
                if (file == hinted) {
                    rec.logStatic("world/camera/depth", io.github.rerun4j.sdk.archetypes.DepthCloudColor.source("world/camera/white"));
                }
                if (file == elsewhere) {
                    rec.logStatic("world/camera/depth", io.github.rerun4j.sdk.archetypes.DepthCloudColor.source("world/other/rgb"));
                }
                rec.setTimeSequence("frame", 0);
                rec.log("world/camera/rgb", RgbdFixtures.colour());
                rec.log("world/camera/white", io.github.rerun4j.sdk.archetypes.Image.fromRgb8(white, 4, 3));
                rec.log("world/other/rgb", RgbdFixtures.colour());
                rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
            }
        }
        Path ply = dir.resolve("hint.ply");
        CliRun ambiguous = CliRun.of("points", two.toString(), "--entity", "world/camera/depth", "--rgb-clouds", "--out", ply.toString());
        assertThat(ambiguous.exitCode()).as(ambiguous.err()).isZero();
        assertThat(ambiguous.err()).contains("ambiguous colour source, using /world/camera/rgb (of /world/camera/rgb, /world/camera/white)");
        assertThat(plyColour(ply, 0)).containsExactly(0, 255, 0);

        CliRun chosen = CliRun.of("points", hinted.toString(), "--entity", "world/camera/depth", "--rgb-clouds", "--out", ply.toString());
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.err()).isEmpty();
        assertThat(plyColour(ply, 0)).containsExactly(255, 255, 255);

        // Under another Pinhole at the same pose: projected into it, the registered colours.
        CliRun other = CliRun.of("points", elsewhere.toString(), "--entity", "world/camera/depth", "--rgb-clouds", "--out", ply.toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(other.err()).isEmpty();
        assertThat(plyColour(ply, 0)).containsExactly(0, 255, 0);
    }

    /** The worked example's column C: the colour camera 0.4 m to the right, under its own Pinhole. */
    @Test
    void anUnregisteredColourCameraColoursByProjection() throws IOException {
        Path file = dir.resolve("unregistered.rrd");
        try (RecordingStream rec = RecordingStream.builder("cli_unregistered").saveTo(file)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            rec.logStatic("world/rgb_cam", io.github.rerun4j.sdk.archetypes.Transform3D.fromTranslation(0.4f, 0, 0));
            rec.logStatic("world/rgb_cam", RgbdFixtures.pinhole());
            rec.logStatic("world/camera/depth", io.github.rerun4j.sdk.archetypes.DepthCloudColor.source("world/rgb_cam/rgb"));
            rec.setTimeSequence("frame", 0);
            rec.log("world/rgb_cam/rgb", RgbdFixtures.colour());
            rec.log("world/camera/depth", RgbdFixtures.rvlDepth());
        }
        Path ply = dir.resolve("c.ply");
        CliRun run = CliRun.of("points", file.toString(), "--rgb-clouds", "--rgb-occlusion", "--out", ply.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(plyColour(ply, 0)).as("(1,0) -> texel (0,0)").containsExactly(255, 0, 0);
        assertThat(plyColour(ply, 4)).as("(3,1) -> texel (2,1)").containsExactly(255, 255, 0);
        int[] outside = plyColour(ply, 3);
        Path plain = dir.resolve("plain.ply");
        assertThat(CliRun.of("points", file.toString(), "--out", plain.toString()).exitCode()).isZero();
        assertThat(outside).as("(0,1) outside: colormap").containsExactly(plyColour(plain, 3));
        assertThat(plyColour(plain, 0)).as("the colormap differs from the colour").isNotEqualTo(new int[] {255, 0, 0});

        CliRun alone = CliRun.of("points", file.toString(), "--rgb-occlusion", "--out", ply.toString());
        assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(alone.err()).contains("--rgb-occlusion needs --rgb-clouds");
    }

    /** {@code DepthImage.withColorSource}: the hint travels with the depth image and is read back with it. */
    @Test
    void aDepthImagesColorSourceChoosesTheColourImage() throws IOException {
        Path file = dir.resolve("with_color_source.rrd");
        byte[] white = new byte[4 * 3 * 3];
        java.util.Arrays.fill(white, (byte) 255);
        try (RecordingStream rec = RecordingStream.builder("cli_color_source").saveTo(file)) {
            rec.logStatic("world/camera", RgbdFixtures.pinhole());
            rec.setTimeSequence("frame", 0);
            rec.log("world/camera/rgb", RgbdFixtures.colour());
            rec.log("world/camera/white", io.github.rerun4j.sdk.archetypes.Image.fromRgb8(white, 4, 3));
            rec.log("world/camera/depth", io.github.rerun4j.sdk.archetypes.DepthImage
                    .fromU16(RgbdFixtures.depthMillimetres(), RgbdFixtures.W, RgbdFixtures.H)
                    .withMeter(1000).withColorSource("world/camera/white"));
        }
        Path ply = dir.resolve("source.ply");
        CliRun run = CliRun.of("points", file.toString(), "--entity", "world/camera/depth", "--rgb-clouds", "--out", ply.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(plyColour(ply, 0)).containsExactly(255, 255, 255);
        assertThat(CliRun.of("print", file.toString()).out()).contains("rerun4j.DepthCloudColor:source");
    }
}

package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render, points and hover on the official snippets, against docs/semantics.md §8. */
class SceneCommandsTest {

    @TempDir
    static Path dir;

    static Path simple;
    static Path threeD;

    @BeforeAll
    static void writeDemo() {
        assertThat(CliRun.of("demo", "--no-serve", "--out", dir.toString()).exitCode()).isZero();
        simple = dir.resolve(DemoCommand.SIMPLE_FILE);
        threeD = dir.resolve(DemoCommand.THREE_D_FILE);
    }

    @Test
    void render2dGivesTheTurboRegionColorsAtNativeSize() throws IOException {
        Path png = dir.resolve("simple.png");
        CliRun run = CliRun.of("render", simple.toString(), "--entity", "depth", "--out", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(rgb(image, 10, 10)).isEqualTo(0x900D00);   // background 65535, t = 1
        assertThat(rgb(image, 60, 60)).isEqualTo(0x28DAC0);   // square 20000
        assertThat(rgb(image, 200, 150)).isEqualTo(0xFFAB24); // bar 45000
    }

    @Test
    void render2dWithOverridesAndSize() throws IOException {
        Path png = dir.resolve("viridis_big.png");
        CliRun run = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--size", "600x400",
                "--colormap", "turbo", "--range", "0:65535", "--out", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(rgb(image, 121, 121)).isEqualTo(0x28DAC0);
        assertThat(rgb(image, 10, 10)).isEqualTo(0x900D00);
    }

    @Test
    void render3dShowsTheCloudInItsColormapColors() throws IOException {
        Path png = dir.resolve("cloud.png");
        CliRun run = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--view", "3d",
                "--size", "800x600", "--out", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("60000 points");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        // The three depth planes, each in its Viridis color (docs/semantics.md §8.1).
        assertThat(count(image, 0xFCE721)).isGreaterThan(500);
        assertThat(count(image, 0x35618E)).isGreaterThan(100);
        assertThat(count(image, 0x3DBB74)).isGreaterThan(100);
    }

    @Test
    void render3dWithoutPinholeExplainsWhyAnd2dStillWorks() {
        CliRun run = CliRun.of("render", simple.toString(), "--entity", "depth", "--view", "3d", "--out", dir.resolve("no.png").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("nothing to show in 3D");
        assertThat(dir.resolve("no.png")).doesNotExist();
    }

    @Test
    void hoverPrintsTheViewerText() {
        CliRun run = CliRun.of("hover", threeD.toString(), "--entity", "world/camera/depth", "--pixel", "200,150",
                "--pixel", "0,0", "--pixel", "300,10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Position: 200, 150\nDepth: 4.500 m\nVal: 45\u2009000")
                .contains("Depth: 6.553 m\nVal: 65\u2009535")
                .contains("outside the 300x200 image");
    }

    @Test
    void pointsWrites60000PointsAndPixel200x150LandsAt1125() throws IOException {
        Path ply = dir.resolve("cloud.ply");
        CliRun run = CliRun.of("points", threeD.toString(), "--entity", "world/camera/depth", "--out", ply.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] bytes = Files.readAllBytes(ply);
        String header = new String(bytes, 0, indexOf(bytes, "end_header\n") + 11, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header).contains("element vertex 60000");
        ByteBuffer body = ByteBuffer.wrap(bytes, header.length(), bytes.length - header.length()).slice().order(ByteOrder.LITTLE_ENDIAN);
        int vertexSize = 15; // 3 floats + 3 uchar
        assertThat(body.remaining()).isEqualTo(60000 * vertexSize);
        boolean found = false;
        for (int i = 0; i < 60000; i++) {
            float x = body.getFloat(i * vertexSize);
            float y = body.getFloat(i * vertexSize + 4);
            float z = body.getFloat(i * vertexSize + 8);
            if (Math.abs(x - 1.125f) < 1e-4 && Math.abs(y - 1.125f) < 1e-4 && Math.abs(z - 4.5f) < 1e-4) {
                found = true;
                // Viridis at 45000/65535: 61,187,116
                assertThat(Byte.toUnsignedInt(body.get(i * vertexSize + 12))).isEqualTo(61);
                assertThat(Byte.toUnsignedInt(body.get(i * vertexSize + 13))).isEqualTo(187);
                assertThat(Byte.toUnsignedInt(body.get(i * vertexSize + 14))).isEqualTo(116);
            }
        }
        assertThat(found).as("a point at (1.125, 1.125, 4.5)").isTrue();
    }

    @Test
    void withoutAPinholeThe3dCommandsExplainWhy() {
        CliRun run = CliRun.of("points", simple.toString(), "--entity", "depth", "--out", dir.resolve("x.ply").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("nothing to show in 3D").contains("Pinhole").contains("--view 2d");
        assertThat(dir.resolve("x.ply")).doesNotExist();
    }

    @Test
    void badSceneArgumentsAreUsageErrors() {
        assertThat(CliRun.of("render", simple.toString(), "--entity", "nope", "--out", dir.resolve("n.png").toString()).err())
                .contains("no entity nope").contains("/depth");
        assertThat(CliRun.of("render", simple.toString(), "--entity", "depth", "--timeline", "frame", "--out", "x.png").exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.of("render", simple.toString(), "--entity", "depth", "--size", "0x5", "--out", "x.png").err())
                .contains("--size 0x5");
        assertThat(CliRun.of("render", simple.toString(), "--entity", "depth", "--colormap", "rainbow", "--out", "x.png").err())
                .contains("--colormap rainbow");
        assertThat(CliRun.of("render", simple.toString(), "--entity", "depth", "--range", "5", "--out", "x.png").err())
                .contains("MIN:MAX");
        assertThat(CliRun.of("hover", simple.toString(), "--entity", "depth", "--pixel", "a,b").err()).contains("X,Y");
        assertThat(CliRun.of("hover", simple.toString(), "--entity", "depth", "--pixel", "1,1", "--time", "soon").err())
                .contains("--time soon");
    }

    @Test
    void aTimeBeyondWhatNanosecondsHoldIsAUsageErrorWithTheRange() {
        CliRun run = CliRun.of("hover", simple.toString(), "--entity", "depth", "--pixel", "1,1",
                "--timeline", "log_time", "--time", "3000-01-01T00:00:00Z");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--time 3000-01-01T00:00:00Z")
                .contains("from 1677-09-21T00:12:43.145224193Z to 2262-04-11T23:47:16.854775807Z");
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += rgb(image, x, y) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int indexOf(byte[] bytes, String marker) {
        byte[] m = marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (bytes[i + j] != m[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no " + marker.trim());
    }
}

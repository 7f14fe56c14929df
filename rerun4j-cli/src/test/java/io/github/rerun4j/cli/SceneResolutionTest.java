package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How render, points and hover find what to show: the only depth image without {@code --entity}, a time before
 * the first image, and damaged files (named as the reason, exit 1) rather than "bad usage".
 */
class SceneResolutionTest {

    @TempDir
    static Path dir;

    static Path threeD;

    @BeforeAll
    static void writeDemo() {
        threeD = TestFiles.threeD(dir);
    }

    @Test
    void withoutEntityTheOnlyDepthImageIsUsed() {
        CliRun hover = CliRun.of("hover", threeD.toString(), "--pixel", "200,150");
        CliRun render = CliRun.of("render", threeD.toString(), "--out", dir.resolve("only.png").toString());

        assertThat(hover.exitCode()).as(hover.err()).isZero();
        assertThat(hover.out()).startsWith("/world/camera/depth\n").contains("Depth: 4.500 m");
        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(dir.resolve("only.png")).isRegularFile();
    }

    @Test
    void withoutEntitySeveralDepthImagesAreListed() {
        Path two = dir.resolve("two.rrd");
        try (RecordingStream rec = RecordingStream.builder("two_cameras").saveTo(two)) {
            short[] pixels = new short[4 * 3];
            Arrays.fill(pixels, (short) 1000);
            rec.log("left/depth", DepthImage.fromU16(pixels, 4, 3));
            rec.log("right/depth", DepthImage.fromU16(pixels, 4, 3));
        }

        CliRun run = CliRun.of("hover", two.toString(), "--pixel", "1,1");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly(
                "rerun4j: " + two + " has 2 depth images; choose one with --entity: /left/depth, /right/depth");
        assertThat(CliRun.of("hover", two.toString(), "--pixel", "1,1", "--entity", "right/depth").exitCode()).isZero();
    }

    @Test
    void withoutEntityAFileWithoutDepthImagesSaysSo() throws IOException {
        Path reference = TestFiles.reference(dir);

        CliRun run = CliRun.of("render", reference.toString(), "--out", dir.resolve("none.png").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("rerun4j: " + reference + " has no depth image; entities: ");
    }

    @Test
    void aTimeBeforeTheFirstImageNamesTheFirst() {
        CliRun run = CliRun.of("render", threeD.toString(), "--timeline", "log_tick", "--time", "-1",
                "--out", dir.resolve("early.png").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("rerun4j: no depth image of /world/camera/depth at or before log_tick -1 (first: 1)");
        assertThat(dir.resolve("early.png")).doesNotExist();
    }

    @Test
    void aFileCutBeforeTheImageIsReportedAsDamageNotAsAWrongEntity() throws IOException {
        // The 3D snippet's pinhole is in its first ~2.8 KB, the depth image after: cut inside the image's message.
        Path cut = dir.resolve("cut.rrd");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(threeD), 60_000));

        CliRun render = CliRun.of("render", cut.toString(), "--entity", "world/camera/depth", "--out", dir.resolve("cut.png").toString());
        CliRun hover = CliRun.of("hover", cut.toString(), "--pixel", "1,1");
        CliRun points = CliRun.of("points", cut.toString(), "--entity", "world/camera/depth", "--out", dir.resolve("cut.ply").toString());

        for (CliRun run : new CliRun[] {render, hover, points}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_DATA);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("rerun4j: " + cut + " is damaged (cut off mid-write: the file ends inside message 3, "
                            + "which starts at byte ")
                    .contains("but only 57190 remain); the 2 messages before it are intact), and in what could be "
                            + "read before the damage: ");
        }
        assertThat(render.err()).contains("no entity world/camera/depth in " + cut + "; entities: /world/camera");
        CliRun dataframe = CliRun.of("dataframe", cut.toString(), "--entity", "world/camera/depth");
        assertThat(dataframe.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(dataframe.err()).startsWith("rerun4j: " + cut + " is damaged (cut off mid-write: ");
        assertThat(hover.err()).contains(cut + " has no depth image");
        assertThat(dir.resolve("cut.png")).doesNotExist();
    }

    @Test
    void damageAfterTheImageStillRendersButExits1NamingTheProblem() throws IOException {
        Path tail = dir.resolve("tail.rrd");
        byte[] sound = Files.readAllBytes(TestFiles.threeDUnfinished(dir));
        byte[] damaged = Arrays.copyOf(sound, sound.length + 60);
        System.arraycopy(sound, 40, damaged, sound.length, 60); // garbage where the next message would start

        Files.write(tail, damaged);

        CliRun hover = CliRun.of("hover", tail.toString(), "--pixel", "200,150");
        CliRun render = CliRun.of("render", tail.toString(), "--out", dir.resolve("tail.png").toString());

        assertThat(hover.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(hover.out()).contains("Depth: 4.500 m");
        assertThat(hover.errLines()).hasSize(2);
        assertThat(hover.errLines()[0]).isEqualTo("rerun4j: " + tail + " is damaged; this shows what could be read before the damage:");
        assertThat(hover.errLines()[1]).startsWith("  message at byte " + sound.length);
        assertThat(render.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(dir.resolve("tail.png")).isRegularFile();
    }

    @Test
    void anImageWhoseBufferDoesNotFitItsFormatIsBadDataNotBadUsage() throws IOException {
        Path odd = dir.resolve("odd.rrd");
        try (RecordingStream rec = RecordingStream.builder("odd_format").saveTo(odd)) {
            rec.log("depth", DepthImage.fromU16(new short[4099], 4099, 1));
        }
        // The format's width is the only 4099 in the file (uncompressed): make it 4100, one pixel more than the buffer.
        byte[] bytes = Files.readAllBytes(odd);
        byte[] width = {0x03, 0x10, 0x00, 0x00};
        int at = -1;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, width, 0, 4)) {
                assertThat(at).as("a second 4099 at byte %d", i).isEqualTo(-1);
                at = i;
            }
        }
        assertThat(at).isPositive();
        bytes[at] = 0x04;
        Files.write(odd, bytes);

        CliRun run = CliRun.of("hover", odd.toString(), "--pixel", "1,0", "--timeline", "log_tick");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()).containsExactly("rerun4j: the depth image of /depth at log_tick = 0 cannot be read: its "
                + "buffer, format and datatype do not fit together (see rerun4j print --verbose " + odd + ")");
    }
}

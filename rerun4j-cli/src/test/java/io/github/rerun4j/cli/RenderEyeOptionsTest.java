package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code render --view 3d --eye X,Y,Z --target X,Y,Z}: an explicit eye, and one usage line when it is wrong. */
class RenderEyeOptionsTest {

    @TempDir
    static Path dir;

    static Path threeD;

    @BeforeAll
    static void writeDemo() {
        threeD = TestFiles.threeD(dir);
    }

    @Test
    void eyeAndTargetChooseTheView() throws IOException {
        // From just behind the camera, along its +Z: the cloud (Viridis planes) fills the middle.
        Path png = dir.resolve("through.png");
        CliRun run = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--view", "3d",
                "--size", "300x200", "--eye", "0,-0.5,-1", "--target", "0,0,5", "--out", png.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getRGB(150, 100) & 0xFFFFFF).isIn(0x35618E, 0xFCE721, 0x3DBB74);
        // Looking away from the cloud: none of its colours.
        Path away = dir.resolve("away.png");
        run = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--view", "3d",
                "--size", "300x200", "--eye", "0,-0.5,-1", "--target", "0,-1,-7", "--out", away.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage back = ImageIO.read(away.toFile());
        for (int y = 0; y < 200; y += 5) {
            for (int x = 0; x < 300; x += 5) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).isNotIn(0x35618E, 0xFCE721, 0x3DBB74);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--eye    | 1,2        | --eye 1,2: expected X,Y,Z with three finite numbers",
            "--eye    | a,b,c      | --eye a,b,c: expected X,Y,Z",
            "--target | 0,0,NaN    | --target 0,0,NaN: expected X,Y,Z with three finite numbers",
            "--eye    | 0,0,1e999  | --eye 0,0,1e999: expected X,Y,Z",
    })
    void badPointsAreOneUsageLine(String option, String value, String message) {
        CliRun run = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--view", "3d",
                option, value, "--out", dir.resolve("bad.png").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("bad.png")).doesNotExist();
    }

    @Test
    void eyeOnTheTargetOrIn2dIsAUsageError() {
        CliRun same = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--view", "3d",
                "--eye", "1,1,1", "--target", "1,1,1", "--out", dir.resolve("same.png").toString());
        assertThat(same.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(same.err()).contains("eye and target coincide");
        CliRun twoD = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth",
                "--eye", "1,1,1", "--out", dir.resolve("2d.png").toString());
        assertThat(twoD.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(twoD.err()).contains("--eye only applies to --view 3d");
    }
}

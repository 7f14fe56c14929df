package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesBothSnippetsIntoANewDirectoryAndSaysHowToOpenThem() {
        Path dir = tmp.resolve("new/demo");

        CliRun run = CliRun.of("demo", "--no-serve", "--out", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(dir.resolve("depth_image_simple.rrd")).isRegularFile();
        assertThat(dir.resolve("depth_image_3d.rrd")).isRegularFile();
        assertThat(run.out())
                .contains("Wrote " + dir.resolve("depth_image_simple.rrd"))
                .contains("Wrote " + dir.resolve("depth_image_3d.rrd"))
                .contains("Wrote " + dir.resolve("rgbd_rvl.rrd"))
                .contains("rerun " + dir.resolve("depth_image_3d.rrd"))
                .contains("rerun4j verify " + dir.resolve("depth_image_3d.rrd"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theCommandsPrintedBackAreTheOnesTheUserTyped() throws Exception {
        Path dir = tmp.resolve("my demo");
        Path stdout = tmp.resolve("stdout.txt");

        ChildRun run = ChildRun.of(stdout.toFile(), null, java.util.Map.of(Launcher.ENV, "./rerun4j"), java.util.List.of(),
                "demo", "--no-serve", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String threeD = "'" + dir.resolve("depth_image_3d.rrd") + "'";
        assertThat(Files.readString(stdout))
                .contains("  ./rerun4j view " + threeD + " '" + dir.resolve("depth_image_simple.rrd") + "' '"
                        + dir.resolve("rgbd_rvl.rrd") + "'\n")
                .contains("  ./rerun4j points '" + dir.resolve("rgbd_rvl.rrd") + "' --rgb-clouds --out rgbd.ply\n")
                .contains("  ./rerun4j verify " + threeD + "\n")
                .contains("  rerun " + threeD + "\n")
                .contains("Rerun's viewer (" + RerunFormat.VIEWER_VERSION + " or later");
    }

    @Test
    void writtenFilesReadBackWithTheSnippetsApplicationIds() {
        CliRun demo = CliRun.of("demo", "--no-serve", "--out", tmp.toString());
        assertThat(demo.exitCode()).isZero();

        CliRun simple = CliRun.of("print", tmp.resolve("depth_image_simple.rrd").toString());
        CliRun threeD = CliRun.of("print", tmp.resolve("depth_image_3d.rrd").toString());

        assertThat(simple.exitCode()).isZero();
        assertThat(simple.out()).contains("application id: rerun_example_depth_image_simple").contains("/depth:");
        assertThat(threeD.exitCode()).isZero();
        assertThat(threeD.out()).contains("application id: rerun_example_depth_image_3d")
                .contains("/world/camera:").contains("/world/camera/depth:");
    }

    @Test
    void withoutOutWritesIntoRerun4jDemoInTheWorkingDirectory() throws IOException {
        Path dir = DemoCommand.DEFAULT_OUT.toAbsolutePath();
        try {
            CliRun run = CliRun.of("demo", "--no-serve");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(dir.resolve(DemoCommand.SIMPLE_FILE)).isRegularFile();
            assertThat(dir.resolve(DemoCommand.THREE_D_FILE)).isRegularFile();
            assertThat(dir.resolve(DemoCommand.RGBD_FILE)).isRegularFile();
            assertThat(run.out()).contains("rerun rerun4j-demo/" + DemoCommand.THREE_D_FILE);
        } finally {
            Files.deleteIfExists(dir.resolve(DemoCommand.SIMPLE_FILE));
            Files.deleteIfExists(dir.resolve(DemoCommand.THREE_D_FILE));
            Files.deleteIfExists(dir.resolve(DemoCommand.RGBD_FILE));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void outThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");

        CliRun run = CliRun.of("demo", "--no-serve", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("rerun4j: ").contains(file.toString());
    }

    @Test
    void unwritableOutIsAUsageError() throws IOException {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        boolean readOnly = locked.toFile().setWritable(false, false);
        try {
            // Root can write anywhere; then there is nothing to check.
            org.junit.jupiter.api.Assumptions.assumeTrue(readOnly && !Files.isWritable(locked), "directory still writable (root?)");

            CliRun run = CliRun.of("demo", "--no-serve", "--out", locked.resolve("sub").toString());

            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).startsWith("rerun4j: cannot create directory");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void directoryThatCannotBeCreatedIsAUsageErrorEvenForRoot() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs Linux /proc");

        CliRun run = CliRun.of("demo", "--no-serve", "--out", proc.resolve("rerun4j-demo").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("rerun4j: cannot create directory /proc/rerun4j-demo");
    }
}

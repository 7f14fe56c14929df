package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written is an error, never a success with a truncated result: standard output on a full
 * disk, and {@code --out} files that fail mid-write (which never leave a partial file under the final name).
 */
class OutputErrorsTest {

    private static final File DEV_FULL = new File("/dev/full");

    @TempDir
    static Path dir;

    static Path threeD;

    @BeforeAll
    static void writeDemo() {
        threeD = TestFiles.threeD(dir);
    }

    @Test
    void dataframeCsvOnAFullDiskExitsWithOneLine() throws Exception {
        assumeThat(DEV_FULL).exists();

        ChildRun run = ChildRun.of(DEV_FULL, "dataframe", threeD.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("rerun4j: cannot write to standard output: No space left on device");
    }

    @Test
    void printJsonOnAFullDiskExitsWithOneLine() throws Exception {
        assumeThat(DEV_FULL).exists();

        ChildRun run = ChildRun.of(DEV_FULL, "print", "--json", threeD.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("rerun4j: cannot write to standard output: No space left on device");
    }

    @Test
    void helpOnAFullDiskIsReportedByUsToo() throws Exception {
        assumeThat(DEV_FULL).exists();

        ChildRun run = ChildRun.of(DEV_FULL, "render", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("rerun4j: cannot write to standard output: No space left on device");
    }

    @Test
    void aFailingStreamInProcessStopsTheCommand() {
        FailingStream failing = new FailingStream(100);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new StandardOutput.FailFast(failing, "standard output"),
                StandardCharsets.UTF_8), true);
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"dataframe", threeD.toString(), "--format", "csv"}, out, new PrintWriter(err, true));

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("rerun4j: cannot write to standard output: disk full" + System.lineSeparator());
        assertThat(failing.attempts).as("writes after the first failure").isEqualTo(1);
    }

    @Test
    void aWriterThatSwallowsErrorsIsCheckedAtTheEnd() {
        // A caller's PrintWriter hides the IOException; Main still must not answer 0.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FailingStream(10), StandardCharsets.UTF_8), true);
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"print", "--json", threeD.toString()}, out, new PrintWriter(err, true));

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("rerun4j: cannot write the output" + System.lineSeparator());
    }

    @Test
    void aPngThatFailsMidWriteLeavesNoFileAndKeepsTheOldOne() throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("limited"));
        Path png = outDir.resolve("big.png");
        Path ply = outDir.resolve("old.ply");
        Files.writeString(ply, "the previous cloud");
        File stdout = dir.resolve("limited-stdout.txt").toFile();

        // A file-size limit of 4 KiB: the 3000x2000 PNG (~37 KB) fails part way, with EFBIG ("File too large").
        ChildRun render = ChildRun.of(stdout, "ulimit -f 4", Map.of(), List.of(), "render", threeD.toString(),
                "--entity", "world/camera/depth", "--size", "3000x2000", "--out", png.toString());
        ChildRun points = ChildRun.of(stdout, "ulimit -f 4", Map.of(), List.of(), "points", threeD.toString(),
                "--entity", "world/camera/depth", "--out", ply.toString());

        assertThat(render.exitCode()).as(render.err()).isEqualTo(ExitCode.USAGE);
        assertThat(render.errLines()).containsExactly("rerun4j: cannot write " + png + ": File too large");
        assertThat(points.exitCode()).as(points.err()).isEqualTo(ExitCode.USAGE);
        assertThat(points.errLines()).containsExactly("rerun4j: cannot write " + ply + ": File too large");
        assertThat(png).doesNotExist();
        assertThat(ply).hasContent("the previous cloud");
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(ply);
        }
    }

    @Test
    void outputFileFailingMidWriteIsCleanedUp() throws IOException {
        Path target = Files.createDirectories(dir.resolve("unit")).resolve("x.bin");

        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> OutputFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("cannot write " + target + ": disk full");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void outThatIsADirectoryIsAUsageErrorAndTheDirectoryStays() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-dir"));

        CliRun render = CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--out", empty.toString());
        CliRun points = CliRun.of("points", threeD.toString(), "--entity", "world/camera/depth", "--out", empty.toString());

        assertThat(render.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(render.err()).isEqualTo("rerun4j: --out " + empty + " is a directory; expected a file name, e.g. "
                + empty.resolve("depth.png") + System.lineSeparator());
        assertThat(points.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(points.err()).contains("is a directory").contains("cloud.ply");
        assertThat(empty).isEmptyDirectory();
        assertThat(CliRun.of("render", threeD.toString(), "--entity", "world/camera/depth", "--out",
                dir.resolve("no/such/dir/x.png").toString()).err()).contains("no such directory");
    }

    /** Accepts {@code limit} bytes, then fails every write. */
    private static final class FailingStream extends OutputStream {
        private final int limit;
        private int written;
        int attempts;

        FailingStream(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                attempts++;
                throw new IOException("disk full");
            }
            written += len;
        }
    }
}

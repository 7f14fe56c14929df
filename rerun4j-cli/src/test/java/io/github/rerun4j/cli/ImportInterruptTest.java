package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.store.ChunkStore;
import io.github.rerun4j.store.RowRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import stopped by a signal (Ctrl-C, SIGTERM) leaves a valid recording of the frames written so far. */
class ImportInterruptTest {

    @TempDir
    Path dir;

    @Test
    void sigtermDuringAnImportLeavesAValidRecordingOfTheFirstFrames() throws IOException, InterruptedException {
        Path png = ImportCommandTest.png16(dir.resolve("d.png"), 320, 240, 1500, 7, 7, 900);
        Path out = dir.resolve("stopped.rrd");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import"));
        for (int i = 0; i < 100_000; i++) {
            command.add(png.toString()); // far more than the test waits for
        }
        command.addAll(List.of("--threads", "1", "--out", out.toString()));
        Path argsFile = Files.write(dir.resolve("args"), command.subList(1, command.size()));
        Process child = new ProcessBuilder(command.get(0), "@" + argsFile).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(out) || Files.size(out) < 2_000_000) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("still importing when signalled: " + Files.readString(dir.resolve("child.log")))
                    .isTrue();
            child.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        CliRun verify = CliRun.of("verify", out.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        List<RowRef> rows = ChunkStore.load(out).range(ImportCommand.DEPTH, "DepthImage:buffer", "frame", 0, Long.MAX_VALUE);
        assertThat(rows.size()).as("frames written before the signal").isGreaterThan(5).isLessThan(100_000);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).time().getAsLong()).as("frames 0..n-1 in order, none missing").isEqualTo(i);
        }
    }
}

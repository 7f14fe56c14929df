package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sound file with a frame larger than the reading JVM's heap: {@code verify} in a child JVM with a 32 MB heap
 * reports running out of memory as the file's problem (one line, exit 1), never a raw OutOfMemoryError trace.
 */
class ReadingOutOfMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void aFrameLargerThanTheHeapIsOneProblemLineNotAStackTrace() throws Exception {
        Path file = tmp.resolve("big.rrd");
        int side = 5000;  // 50 MB of u16 pixels; LZ4 makes the file small, the decoded chunk does not fit in 32 MB
        try (RecordingStream rec = RecordingStream.builder("big_frame").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).saveTo(file, true)) {
            rec.log("depth", DepthImage.fromU16(new short[side * side], side, side));
        }
        Path err = tmp.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "verify", file.toString())
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("verify finishes").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertThat(stderr).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(stderr.lines()).singleElement().asString().startsWith(file + ": byte ")
                .contains("out of memory reading the message after byte ").contains("-Xmx");
        assertThat(process.exitValue()).isEqualTo(ExitCode.BAD_DATA);
    }
}

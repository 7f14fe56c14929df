package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code view --memory-limit}: the viewer's budget for recorded data in the heap, as Rerun's viewer flag. */
class ViewMemoryLimitTest {

    @TempDir
    Path dir;

    @Test
    void aRecordingOverTheLimitStopsLoadingAndSaysSo() throws Exception {
        Path file = dir.resolve("small-frames.rrd");
        try (RecordingStream rec = RecordingStream.builder("memory_limit").saveTo(file)) {
            for (int f = 0; f < 40; f++) {
                rec.setTimeSequence("frame", f);
                rec.log("depth", DepthImage.fromU16(new short[64 * 48], 64, 48));  // 6 KB each, read into the heap
            }
        }
        try (ServingRun run = ServingRun.start("view", file.toString(), "--memory-limit", "64KiB", "--port", "0",
                "--web-viewer-port", "0", "--no-browser")) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            String recordings = run.get("api/recordings");
            while (!recordings.contains("memory budget") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                recordings = run.get("api/recordings");
            }
            assertThat(recordings).contains("exceed the viewer's memory budget of 1 MB");
        }
    }

    @Test
    void aLimitThatIsNotASizeIsAUsageErrorNamingTheFlag() {
        CliRun run = CliRun.of("view", "--memory-limit", "lots", "--port", "0", "--web-viewer-port", "0", "--no-browser");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--memory-limit").contains("lots");
        CliRun zero = CliRun.of("view", "--memory-limit", "0", "--port", "0", "--web-viewer-port", "0", "--no-browser");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("invalid --memory-limit 0");
    }
}

package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sound file with a frame larger than the reading JVM's heap: {@code verify}, {@code print} and {@code render}
 * in a child JVM with a 32 MB heap say so in one line with the CLI's heap hint (exit 3: the heap's limit, not the
 * file's fault). The read loop catches the error to report it; these callers must hand it on, not turn it into
 * a "damaged file" line.
 */
class ReadingOutOfMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void aFrameLargerThanTheHeapIsOneLineWithTheHeapHint() throws Exception {
        Path file = tmp.resolve("big.rrd");
        int side = 5000;  // 50 MB of u16 pixels; LZ4 makes the file small, the decoded chunk does not fit in 32 MB
        try (RecordingStream rec = RecordingStream.builder("big_frame").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).saveTo(file, true)) {
            rec.log("depth", DepthImage.fromU16(new short[side * side], side, side));
        }
        // verify and print read through RecordingScanner, render through Recordings.load: all on RecordingLoader.
        for (List<String> args : List.of(List.of("verify", file.toString()), List.of("print", file.toString()),
                List.of("render", file.toString(), "--entity", "depth", "--out", tmp.resolve("big.png").toString()))) {
            String command = args.get(0);
            ChildRun run = ChildRun.of(tmp.resolve("stdout.txt").toFile(), null, Map.of(Launcher.ENV, "./rerun4j"),
                    List.of("-Xmx32m"), args.toArray(String[]::new));

            assertThat(run.err()).as(command).doesNotContain("Exception in thread");
            assertThat(run.errLines()).as(command).singleElement().asString()
                    .startsWith("rerun4j: out of memory (Java heap: ").endsWith("give Java more: JAVA_OPTS=-Xmx1g ./rerun4j ...");
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCode.OUT_OF_MEMORY);
        }
    }
}

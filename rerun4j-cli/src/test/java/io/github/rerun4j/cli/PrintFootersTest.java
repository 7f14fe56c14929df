package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code print --footers}: the manifest of each store, "none" without a footer, a warning for a damaged one. */
class PrintFootersTest {

    @TempDir
    Path dir;

    @Test
    void printsEachChunkOfTheManifestOrWhyThereIsNone() throws Exception {
        Path file = dir.resolve("f.rrd");
        try (RecordingStream rec = RecordingStream.builder("footers").batching(BatcherConfig.IMMEDIATE).defaultTimelines(false)
                .saveTo(file)) {
            for (int i = 0; i < 3; i++) {
                rec.setTimeSequence("frame", i);
                rec.log("depth", DepthImage.fromU16(new short[4], 2, 2));
            }
        }
        CliRun run = CliRun.of("print", "--footers", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("footer: 1 manifest (checksum ok)").contains("footers): 3 chunks")
                .contains("/depth, 1 row, bytes ").contains(", frame 2..2");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 1;  // inside the footer's payload
        Path damaged = Files.write(dir.resolve("damaged.rrd"), bytes);
        CliRun bad = CliRun.of("print", "--footers", damaged.toString());
        assertThat(bad.exitCode()).isZero();
        assertThat(bad.out()).contains("footer: damaged, ignored").contains("3");
        assertThat(bad.err()).contains("warning").contains("footer checksum mismatch");

        Path cut = Files.write(dir.resolve("cut.rrd"), Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(CliRun.of("print", "--footers", cut.toString()).out()).contains("footer: none");
    }
}

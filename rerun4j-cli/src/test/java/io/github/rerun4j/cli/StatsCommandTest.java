package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stats}: rows, chunks and bytes per store, entity and component. */
class StatsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void countsPerEntityAndComponent() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));

        CliRun run = CliRun.of("stats", in.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(in + ": 1 store, 61 chunks, 61 rows, ")
                .contains("store recording tools_test ")
                .containsPattern("(?m)^  /world/camera/depth +20 +20 ")
                .containsPattern("(?m)^    DepthImage:buffer +20 +20 ")
                .containsPattern("(?m)^  \\(store\\) +61 +61 .* 0 +61$");
    }

    @Test
    void jsonHasTheSameCounts() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path lz4 = tmp.resolve("lz4.rrd");
        assertThat(CliRun.of("compact", in.toString(), "--out", lz4.toString()).exitCode()).isZero();

        CliRun run = CliRun.of("stats", "--json", in.toString(), lz4.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Compared without the pretty-printing's white space (the paths have none).
        assertThat(run.out().replaceAll("\\s", "")).startsWith("{\"files\":[{\"file\":")
                .contains("\"chunks\":61,\"rows\":61,").contains("\"chunks\":4,\"rows\":61,")
                .contains("\"lz4_payloads\":4,\"uncompressed_payloads\":0")
                .contains("{\"entity_path\":\"/worldx\",\"chunks\":1,\"rows\":20,");
    }

    @Test
    void damagedFileGivesTheCountsOfWhatCouldBeReadAndExit1() throws Exception {
        Path whole = ToolFiles.immediate(tmp.resolve("whole.rrd"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.rrd"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CliRun run = CliRun.of("stats", cut.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.out()).startsWith(cut + ": 1 store, ");
        assertThat(run.err()).startsWith(cut + ": byte ").contains("cut off mid-write");
    }

    @Test
    void missingFileIsAUsageError() {
        CliRun run = CliRun.of("stats", tmp.resolve("nope.rrd").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no such file");
    }
}

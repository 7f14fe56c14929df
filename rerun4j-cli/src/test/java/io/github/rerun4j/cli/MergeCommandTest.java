package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge}: every store and chunk of the inputs once, one store info per store. */
class MergeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void mergeOfTheTwoDemosHasTheSumOfTheirRows() {
        Path simple = TestFiles.simple(tmp);
        Path threeD = TestFiles.threeD(tmp);
        Path out = tmp.resolve("merged.rrd");

        CliRun run = CliRun.of("merge", simple.toString(), threeD.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        long[] merged = ToolFiles.verified(out);
        assertThat(merged[2]).isEqualTo(ToolFiles.verified(simple)[2] + ToolFiles.verified(threeD)[2]);
        // 2 store infos, 3 chunks, End
        assertThat(merged[0]).isEqualTo(6);
        ToolFiles.assertSoundWithFooter(out);
        assertThat(CliRun.of("print", out.toString()).out()).contains("Totals:       2 stores, 3 entities, 3 chunks, 3 rows");
    }

    @Test
    void aChunkIsWrittenOnceAndAStoreAnnouncedOnce() {
        Path threeD = TestFiles.threeD(tmp);
        Path out = tmp.resolve("merged.rrd");

        CliRun run = CliRun.of("merge", threeD.toString(), threeD.toString(), "--out", out.toString(), "--compress", "none");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolFiles.verified(out)).containsExactly(ToolFiles.verified(threeD));
        assertThat(CliRun.of("print", out.toString()).out()).contains("1 SetStoreInfo").contains("ArrowMsg payloads 2 uncompressed");
    }

    @Test
    void damagedInputIsReportedAndTheOthersAreMerged() throws Exception {
        Path noise = Files.write(tmp.resolve("noise.rrd"), "RRF2 but not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path simple = TestFiles.simple(tmp);
        Path out = tmp.resolve("merged.rrd");

        CliRun run = CliRun.of("merge", noise.toString(), simple.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()[0]).startsWith(noise + ": byte 0: ");
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(1);
    }

    @Test
    void outIsRequired() {
        CliRun run = CliRun.of("merge", TestFiles.simple(tmp).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--out");
    }
}

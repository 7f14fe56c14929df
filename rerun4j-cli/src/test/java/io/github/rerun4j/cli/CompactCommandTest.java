package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compact}: fewer, fuller chunks, the same rows. */
class CompactCommandTest {

    @TempDir
    Path tmp;

    @Test
    void joinsTheChunksOfARowByRowRecordingAndKeepsEveryRow() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("compact", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        long[] before = ToolFiles.verified(in);
        long[] after = ToolFiles.verified(out);
        assertThat(before[1]).isEqualTo(1 + 3 * ToolFiles.FRAMES);
        // one chunk per entity: the static one, and one for each timed entity
        assertThat(after[1]).isEqualTo(4);
        assertThat(after[2]).isEqualTo(before[2]);
        ToolFiles.assertSoundWithFooter(out);
        for (String entity : new String[] {"world/camera", "world/camera/depth", "worldx", "world"}) {
            assertThat(dataframe(out, entity)).isEqualTo(dataframe(in, entity));
        }
        assertThat(CliRun.of("print", out.toString()).out()).contains("ArrowMsg payloads 4 LZ4");
    }

    @Test
    void maxRowsSplitsTheJoinedChunks() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("compact", in.toString(), "--out", out.toString(), "--max-rows", "8", "--compress", "none");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 20 rows per timed entity in chunks of 8, 8 and 4; the static row alone
        assertThat(ToolFiles.verified(out)[1]).isEqualTo(1 + 3 * 3);
        assertThat(dataframe(out, "world")).isEqualTo(dataframe(in, "world"));
    }

    @Test
    void maxBytesBoundsTheJoinedChunks() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("compact", in.toString(), "--out", out.toString(), "--max-bytes", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolFiles.verified(out)[1]).isEqualTo(ToolFiles.verified(in)[1]);
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        String in = ToolFiles.immediate(tmp.resolve("in.rrd")).toString();
        String out = tmp.resolve("out.rrd").toString();

        CliRun rows = CliRun.of("compact", in, "--out", out, "--max-rows", "0");
        CliRun bytes = CliRun.of("compact", in, "--out", out, "--max-bytes", "lots");
        CliRun compress = CliRun.of("compact", in, "--out", out, "--compress", "gzip");
        CliRun dir = CliRun.of("compact", in, "--out", tmp.toString());

        assertThat(rows.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(rows.err()).contains("--max-rows 0");
        assertThat(bytes.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bytes.err()).contains("--max-bytes lots");
        assertThat(compress.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(compress.err()).contains("--compress gzip");
        assertThat(dir.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(dir.err()).contains("is a directory");
    }

    @Test
    void damagedInputGivesTheJoinedRowsBeforeTheDamageAndExit1() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(ToolFiles.immediate(tmp.resolve("whole.rrd")));
        Path cut = java.nio.file.Files.write(tmp.resolve("cut.rrd"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("compact", cut.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()[0]).startsWith(cut + ": byte ").contains("cut off mid-write");
        long[] written = ToolFiles.verified(out);
        assertThat(written[1]).isLessThanOrEqualTo(4);
        assertThat(written[2]).isPositive().isLessThan(1 + 3 * ToolFiles.FRAMES);
        ToolFiles.assertSoundWithFooter(out);
    }

    private static String dataframe(Path file, String entity) {
        CliRun run = CliRun.of("dataframe", file.toString(), "--raw", "--format", "csv", "--entity", entity);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }
}

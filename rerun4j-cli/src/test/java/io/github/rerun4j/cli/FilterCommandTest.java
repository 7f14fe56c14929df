package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filter}: entity prefixes with whole path parts, rows cut to a time window, static chunks kept. */
class FilterCommandTest {

    @TempDir
    Path tmp;

    @Test
    void entityPrefixKeepsTheEntityAndItsDescendantsOnly() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("filter", in.toString(), "--out", out.toString(), "--entity", "/world");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("filter: wrote 41 chunks, 41 rows to " + out);
        // /world (static) + /world/camera + /world/camera/depth; not /worldx
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(1 + 2 * ToolFiles.FRAMES);
        ToolFiles.assertSoundWithFooter(out);
        assertThat(CliRun.of("print", out.toString()).out()).contains("/world/camera/depth").doesNotContain("/worldx");
        assertThat(CliRun.of("print", out.toString()).out()).contains("application id: tools_test");
    }

    @Test
    void severalPrefixesAddUp() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("filter", in.toString(), "--out", out.toString(), "--entity", "world/camera/depth",
                "--entity", "worldx");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(2 * ToolFiles.FRAMES);
    }

    @Test
    void timeWindowCutsRowsOutOfChunksAndKeepsStaticOnes() {
        Path in = ToolFiles.batched(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("filter", in.toString(), "--out", out.toString(), "--timeline", "frame", "--from", "5",
                "--to", "9");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 5 frames of 3 entities, plus the static row
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(1 + 3 * 5);
        ToolFiles.assertSoundWithFooter(out);
        String frames = CliRun.of("dataframe", out.toString(), "--raw", "--format", "csv").out();
        assertThat(frames).contains("/world/camera,5,").contains("/world/camera,9,").doesNotContain("/world/camera,4,")
                .doesNotContain("/world/camera,10,");
        // The depth pixels of frame 7 came through the cut intact.
        String all = CliRun.of("dataframe", in.toString(), "--raw", "--format", "csv", "--entity", "world/camera/depth").out();
        String cut = CliRun.of("dataframe", out.toString(), "--raw", "--format", "csv", "--entity", "world/camera/depth").out();
        assertThat(all).contains(cut.lines().filter(l -> l.contains(",7,")).findFirst().orElseThrow());
    }

    @Test
    void timeWindowOnAnotherTimelineDropsEveryTimedRow() {
        Path in = ToolFiles.batched(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("filter", in.toString(), "--out", out.toString(), "--timeline", "log_time");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(1);
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        String out = tmp.resolve("out.rrd").toString();

        CliRun noTimeline = CliRun.of("filter", in.toString(), "--out", out, "--from", "5");
        CliRun backwards = CliRun.of("filter", in.toString(), "--out", out, "--timeline", "frame", "--from", "9", "--to", "5");
        CliRun notANumber = CliRun.of("filter", in.toString(), "--out", out, "--timeline", "frame", "--from", "soon");
        CliRun compress = CliRun.of("filter", in.toString(), "--out", out, "--compress", "zip");
        CliRun missing = CliRun.of("filter", tmp.resolve("nope.rrd").toString(), "--out", out);

        assertThat(noTimeline.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTimeline.err()).contains("--from 5").contains("--timeline");
        assertThat(backwards.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(backwards.err()).contains("--from 9 is after --to 5");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(notANumber.err()).contains("--from").contains("soon");
        assertThat(compress.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(compress.err()).contains("--compress zip: expected lz4 or none");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void damagedInputGivesWhatCouldBeReadAndExit1() throws Exception {
        Path whole = ToolFiles.immediate(tmp.resolve("whole.rrd"));
        byte[] bytes = Files.readAllBytes(whole);
        // Cut in the middle of the file: the chunks before the cut are whole.
        Path cut = Files.write(tmp.resolve("cut.rrd"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("filter", cut.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()[0]).startsWith(cut + ": byte ").contains("cut off mid-write");
        assertThat(run.err()).contains(out + " holds what could be read");
        long rows = ToolFiles.verified(out)[2];
        assertThat(rows).isPositive().isLessThan(1 + 3 * ToolFiles.FRAMES);
        ToolFiles.assertSoundWithFooter(out);
    }

    /** Timestamps as ISO instants (and durations as ISO durations); a form that does not fit the timeline is exit 2. */
    @Test
    void isoInstantsBoundATimestampTimelineAndAMismatchIsAUsageError() throws Exception {
        Path in = tmp.resolve("timed.rrd");
        try (io.github.rerun4j.sdk.RecordingStream rec = io.github.rerun4j.sdk.RecordingStream.builder("tools_time")
                .batching(io.github.rerun4j.sdk.batch.BatcherConfig.IMMEDIATE).defaultTimelines(false).saveTo(in)) {
            for (int s = 0; s < 5; s++) {
                rec.setTimestamp("time", java.time.Instant.parse("2026-01-01T00:00:0" + s + "Z"));
                rec.setTimeSequence("frame", s);
                rec.log("cam/depth", io.github.rerun4j.sdk.archetypes.DepthImage.fromU16(new short[] {1, 2, 3, 4}, 2, 2));
            }
        }
        Path out = tmp.resolve("out.rrd");

        CliRun run = CliRun.of("filter", in.toString(), "--out", out.toString(), "--timeline", "time",
                "--from", "2026-01-01T00:00:01Z", "--to", "2026-01-01T00:00:03Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(3);

        Files.delete(out);
        CliRun mismatch = CliRun.of("filter", in.toString(), "--out", out.toString(), "--timeline", "frame",
                "--from", "2026-01-01T00:00:01Z");
        assertThat(mismatch.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(mismatch.err()).contains("--from 2026-01-01T00:00:01Z: an instant does not fit timeline frame, a sequence timeline");
        assertThat(out).doesNotExist();

        CliRun garbage = CliRun.of("filter", in.toString(), "--out", out.toString(), "--timeline", "time", "--to", "soon");
        assertThat(garbage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(garbage.err()).contains("--to soon: expected an integer (sequence number or ns), an ISO instant");
    }
}

package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.interop.OfficialViewer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code filter}, {@code merge} and {@code compact} write, opened by the official Rerun 0.33 web viewer: no
 * errors or warnings, the time range the output should have, and (counted by {@code verify}) exactly its rows.
 */
@Timeout(300)
class RecordingToolsInOfficialViewerTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void viewerAvailable() {
        OfficialViewer.assumeAvailable();
    }

    @Test
    void filteredFileOpensWithOnlyItsTimeRange() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("filtered.rrd");

        CliRun run = CliRun.of("filter", in.toString(), "--entity", "/world", "--timeline", "frame",
                "--from", "5", "--to", "9", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // static /world, then frames 5..9 of /world/camera and /world/camera/depth (not /worldx)
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(1 + 5 + 5);
        OfficialViewer.Result viewer = OfficialViewer.check(out);
        assertThat(viewer.ok()).as("%s", viewer).isTrue();
        assertThat(viewer.applicationId()).isEqualTo("tools_test");
        assertThat(viewer.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(5, 9));
    }

    @Test
    void mergedFileOpensWithBothRecordings() {
        Path a = ToolFiles.immediate(tmp.resolve("a.rrd"));
        Path b = ToolFiles.batched(tmp.resolve("b.rrd"));
        Path out = tmp.resolve("merged.rrd");

        CliRun run = CliRun.of("merge", a.toString(), b.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ToolFiles.verified(out)[2]).isEqualTo(2L * (1 + 3 * ToolFiles.FRAMES));
        assertThat(CliRun.of("print", out.toString()).out()).contains("2 stores");
        OfficialViewer.Result viewer = OfficialViewer.check(out);
        assertThat(viewer.ok()).as("%s", viewer).isTrue();
        assertThat(viewer.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(0, ToolFiles.FRAMES - 1));
    }

    @Test
    void compactedFileOpensWithEveryRowInFewerChunks() {
        Path in = ToolFiles.immediate(tmp.resolve("in.rrd"));
        Path out = tmp.resolve("compacted.rrd");

        CliRun run = CliRun.of("compact", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        long[] before = ToolFiles.verified(in);
        long[] after = ToolFiles.verified(out);
        assertThat(after[2]).isEqualTo(before[2]);
        assertThat(after[1]).isLessThan(before[1]);
        OfficialViewer.Result viewer = OfficialViewer.check(out);
        assertThat(viewer.ok()).as("%s", viewer).isTrue();
        assertThat(viewer.timelines().get("frame")).isEqualTo(new OfficialViewer.TimeRange(0, ToolFiles.FRAMES - 1));
    }
}

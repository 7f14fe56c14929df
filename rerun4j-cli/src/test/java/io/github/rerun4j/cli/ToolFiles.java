package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Transform3D;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recordings for the recording tools' tests, and what {@code verify} and {@code print} say about their output. */
final class ToolFiles {

    /** Frames logged per entity. */
    static final int FRAMES = 20;

    private static final Pattern VERIFIED = Pattern.compile("OK: (\\d+) messages?, (\\d+) chunks?, (\\d+) rows? in ");

    private ToolFiles() {
    }

    /**
     * Frames 0..19 on sequence timeline {@code frame} of {@code /world/camera} (transform), {@code /world/camera/depth}
     * (2x2 depth image) and {@code /worldx} (transform), plus a static {@code /world} view coordinates: 61 rows.
     *
     * @param batching {@link BatcherConfig#IMMEDIATE} gives a chunk per row; a batcher that waits gives a chunk per
     *                 entity and kind with all its rows
     */
    static Path logged(Path file, BatcherConfig batching) {
        try (RecordingStream rec = RecordingStream.builder("tools_test").batching(batching).defaultTimelines(false)
                .saveTo(file)) {
            rec.logStatic("world", ViewCoordinates.RDF);
            for (int frame = 0; frame < FRAMES; frame++) {
                rec.setTimeSequence("frame", frame);
                rec.log("world/camera", Transform3D.fromTranslation(frame, 0, 1));
                rec.log("world/camera/depth", DepthImage.fromU16(new short[] {(short) frame, 1, 2, (short) (frame * 3)}, 2, 2));
                rec.log("worldx", Transform3D.fromTranslation(0, frame, 0));
            }
        }
        return file;
    }

    /** One chunk per row. */
    static Path immediate(Path file) {
        return logged(file, BatcherConfig.IMMEDIATE);
    }

    /** All of an entity's timed rows in one chunk: the batcher waits longer than the test takes. */
    static Path batched(Path file) {
        return logged(file, BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10)).withFlushBytes(1L << 30));
    }

    /** {@code verify}'s counts of a file that must verify OK: messages, chunks, rows. */
    static long[] verified(Path file) {
        CliRun run = CliRun.of("verify", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = VERIFIED.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    /** Checks that {@code file} verifies and ends with Rerun's footer. */
    static void assertSoundWithFooter(Path file) {
        verified(file);
        CliRun footers = CliRun.of("print", "--footers", file.toString());
        assertThat(footers.exitCode()).as(footers.err()).isZero();
        assertThat(footers.out()).contains("(checksum ok)");
    }
}

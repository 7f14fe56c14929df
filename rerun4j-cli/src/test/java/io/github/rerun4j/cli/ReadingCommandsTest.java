package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.ViewCoordinates;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.Footers;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify / print / render on the shared read loop: Rerun's footer, torn writes, many chunks, many problems. */
class ReadingCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void aDepthFileEndingWithRerunsFooterVerifiesPrintsAndRenders() throws IOException {
        Path file = Footers.appendStandIn(TestFiles.threeD(tmp));

        CliRun verify = CliRun.of("verify", file.toString());
        CliRun print = CliRun.of("print", file.toString());
        CliRun render = CliRun.of("render", file.toString(), "--entity", "world/camera/depth", "--out",
                tmp.resolve("depth.png").toString());

        // Every message decodes; the stand-in footer fails its checksum, which verify reports (lazy readers trust it).
        assertThat(verify.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(verify.err()).contains(": footer: footer checksum mismatch").doesNotContain("message");
        assertThat(print.err()).isEmpty();
        assertThat(print.exitCode()).isZero();
        assertThat(print.out()).contains("1 End");
        assertThat(render.err()).isEmpty();
        assertThat(render.exitCode()).isZero();
        assertThat(tmp.resolve("depth.png")).isNotEmptyFile();
    }

    @Test
    void aWriteCutOffMidMessageIsReportedAsSuchNotAsDamage() throws IOException {
        Path whole = TestFiles.threeDUnfinished(tmp);
        List<RrdRecord> records = TestFiles.records(whole);
        RrdRecord last = records.get(records.size() - 1);
        byte[] bytes = Files.readAllBytes(whole);
        Path torn = Files.write(tmp.resolve("killed.rrd"), Arrays.copyOf(bytes, (int) (last.offset() + 100)));

        CliRun run = CliRun.of("verify", torn.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(torn + ": byte " + last.offset() + ": cut off mid-write: the file ends inside message 3, "
                        + "which starts at byte " + last.offset() + " (")
                .endsWith("); the 2 messages before it are intact");
    }

    /** Many one-row chunks: a scan keeps counts, not a record per chunk (it held ~5 KB per chunk before). */
    @Test
    void verifyAndPrintMemoryDoesNotGrowWithTheNumberOfChunks() throws Exception {
        Path file = tmp.resolve("many.rrd");
        int chunks = 20_000;
        try (RecordingStream rec = RecordingStream.builder("many_chunks").batching(BatcherConfig.IMMEDIATE)
                .defaultTimelines(false).saveTo(file)) {
            for (int i = 0; i < chunks; i++) {
                rec.setTimeSequence("frame", i);
                rec.log("world", ViewCoordinates.RDF);
            }
        }
        long before = usedHeapAfterGc();
        RecordingSummary summary = RecordingScanner.scan(file);
        long retained = usedHeapAfterGc() - before;
        System.out.printf("scan of %d chunks retains %d bytes%n", chunks, retained);

        assertThat(summary.chunkCount()).isEqualTo(chunks);
        assertThat(summary.isSound()).isTrue();
        assertThat(retained).as("heap retained by the summary of %d chunks", chunks).isLessThan(2L << 20);
        assertThat(CliRun.of("verify", file.toString()).out()).startsWith("OK: " + (chunks + 2) + " messages, " + chunks + " chunks");
    }

    @Test
    void verboseJsonStreamsEveryChunkAndStaysOneValidDocument() throws IOException {
        Path file = TestFiles.threeD(tmp);

        CliRun run = CliRun.of("print", "--verbose", "--json", file.toString());

        assertThat(run.exitCode()).isZero();
        String json = run.out().strip();
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json.split("\"first_row\"", -1)).hasSize(3);  // two chunks
        assertThat(json).contains("\"more_problems\": 0");
    }

    @Test
    void aFileWithThousandsOfBadChunksListsTheFirstThousandAndCountsTheRest() throws IOException {
        Path good = TestFiles.simple(tmp);
        byte[] badChunk = RrdEncoder.encodeArrow(StoreId.recording("rerun_example_depth_image_simple", "broken"),
                Tuid.next(), false, new ByteBuffer[] {ByteBuffer.wrap("not Arrow IPC".getBytes(StandardCharsets.US_ASCII))},
                false).toByteArray();
        Path file = Footers.strip(Files.copy(good, tmp.resolve("many-bad.rrd")));
        byte[] many = new byte[badChunk.length * 1200];
        for (int i = 0; i < 1200; i++) {
            System.arraycopy(badChunk, 0, many, i * badChunk.length, badChunk.length);
        }
        Files.write(file, many, StandardOpenOption.APPEND);

        CliRun run = CliRun.of("verify", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()).hasSize(RecordingScanner.MAX_KEPT_PROBLEMS + 1);
        assertThat(run.errLines()[RecordingScanner.MAX_KEPT_PROBLEMS])
                .isEqualTo(file + ": 200 more problems after these 1000 (not listed)");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

package io.github.rerun4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.chunk.Tuid;
import io.github.rerun4j.sdk.rrd.RrdEncoder;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.sdk.rrd.StoreId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path tmp;

    @Test
    void demoFilesAreOk() {
        Path simple = TestFiles.simple(tmp);
        Path threeD = TestFiles.threeD(tmp);

        CliRun simpleRun = CliRun.of("verify", simple.toString());
        CliRun threeDRun = CliRun.of("verify", threeD.toString());

        assertThat(simpleRun.exitCode()).isZero();
        assertThat(simpleRun.out()).isEqualTo("OK: 3 messages, 1 chunk, 1 row in " + simple + System.lineSeparator());
        assertThat(simpleRun.err()).isEmpty();
        assertThat(threeDRun.exitCode()).isZero();
        assertThat(threeDRun.out()).isEqualTo("OK: 4 messages, 2 chunks, 2 rows in " + threeD + System.lineSeparator());
    }

    @Test
    void rerunsOwnLz4FileWithFooterIsOk() throws IOException {
        Path file = TestFiles.reference(tmp);

        CliRun run = CliRun.of("verify", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("OK: 3 messages, 1 chunk, 1 row in " + file + System.lineSeparator());
    }

    @Test
    void concatenatedFilesAreOkWithTheSumOfTheirMessages() throws IOException {
        Path file = TestFiles.concat(tmp.resolve("both.rrd"), TestFiles.threeD(tmp), TestFiles.simple(tmp),
                TestFiles.reference(tmp));

        CliRun run = CliRun.of("verify", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("OK: 10 messages, 4 chunks, 4 rows in " + file + System.lineSeparator());
        assertThat(CliRun.of("print", file.toString()).out()).containsPattern("(?m)^Stream: .*\\R^Stream: .*\\R^Stream: ")
                .contains("Totals:       3 stores, 4 entities, 4 chunks, 4 rows");
    }

    @Test
    void fileCutInTheLastMessageReportsThatMessagesOffset() throws IOException {
        Path whole = TestFiles.threeDUnfinished(tmp);
        List<RrdRecord> records = TestFiles.records(whole);
        RrdRecord last = records.get(records.size() - 1);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.rrd"), Arrays.copyOf(bytes, (int) (last.offset() + last.framedLength() / 2)));

        CliRun run = CliRun.of("verify", cut.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines()[0]).startsWith(cut + ": byte " + last.offset() + ": cut off mid-write: the file ends inside "
                + "message 3, which starts at byte " + last.offset() + " (ArrowMsg message at byte " + last.offset());
    }

    @Test
    void randomBytesAreBadData() throws IOException {
        byte[] noise = new byte[1000];
        new Random(42).nextBytes(noise);
        Path file = Files.write(tmp.resolve("noise.bin"), noise);

        CliRun run = CliRun.of("verify", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith(file + ": byte 0: ").contains("not an .rrd stream");
    }

    @Test
    void emptyFileIsBadData() throws IOException {
        Path file = Files.write(tmp.resolve("empty.rrd"), new byte[0]);

        CliRun run = CliRun.of("verify", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.err()).contains("empty input");
    }

    @Test
    void badChunkIsReportedAndTheMessagesAfterItAreStillChecked() throws IOException {
        Path threeD = TestFiles.threeDUnfinished(tmp);
        long badOffset = Files.size(threeD);
        byte[] garbageIpc = "this is not Arrow IPC".getBytes(StandardCharsets.US_ASCII);
        byte[] badChunk = RrdEncoder.encodeArrow(StoreId.recording("rerun_example_depth_image_3d", "broken"), Tuid.next(),
                false, new ByteBuffer[] {ByteBuffer.wrap(garbageIpc)}, false).toByteArray();
        Path file = TestFiles.concat(tmp.resolve("bad-chunk.rrd"), threeD,
                Files.write(tmp.resolve("bad.part"), badChunk), TestFiles.simple(tmp));

        CliRun verify = CliRun.of("verify", file.toString());
        CliRun print = CliRun.of("print", file.toString());

        assertThat(verify.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(verify.errLines()).hasSize(1);
        assertThat(verify.errLines()[0]).startsWith(file + ": byte " + badOffset + ": ArrowMsg at byte " + badOffset + ": ");
        // The simple demo after the bad chunk was still read.
        assertThat(print.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(print.out()).contains("application id: rerun_example_depth_image_simple").contains("Messages:     7 ");
        assertThat(print.errLines()).containsExactly(verify.errLines());
    }

    @Test
    void verboseAddsTheStackTraceOfEachProblem() throws IOException {
        Path file = Files.write(tmp.resolve("noise.rrd"), "RRF2 but not really".getBytes(StandardCharsets.US_ASCII));

        CliRun run = CliRun.of("verify", "--verbose", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.err()).contains("RrdFormatException").contains("\tat ");
    }

    @Test
    void missingFileIsAUsageError() {
        Path missing = tmp.resolve("missing.rrd");

        CliRun run = CliRun.of("verify", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("rerun4j: no such file: " + missing + System.lineSeparator());
    }

    @Test
    void directoryIsAUsageError() {
        CliRun run = CliRun.of("verify", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("rerun4j: not a file: " + tmp + System.lineSeparator());
    }

    /** A footer is trusted by lazy readers, so a damaged or disagreeing one is bad data (the messages themselves are fine). */
    @Test
    void aDamagedOrDisagreeingFooterIsBadData() throws IOException {
        Path whole = TestFiles.threeD(tmp);
        byte[] bytes = Files.readAllBytes(whole);

        byte[] flipped = bytes.clone();
        flipped[flipped.length - 40] ^= (byte) 0xFF;  // inside the footer's payload, before the 32-byte trailer
        Path damaged = Files.write(tmp.resolve("damaged_footer.rrd"), flipped);
        CliRun run = CliRun.of("verify", damaged.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(run.err()).startsWith(damaged + ": byte " + (bytes.length - 32) + ": footer: footer checksum mismatch")
                .contains("readers ignore it and scan the file");

        // A valid footer of another file (one chunk fewer) behind this file's messages: it lists other chunks.
        Path unfinished = TestFiles.threeDUnfinished(tmp);
        byte[] messages = Files.readAllBytes(unfinished);
        List<RrdRecord> records = TestFiles.records(whole);
        long endAt = records.get(records.size() - 1).offset();  // the End message carrying the footer
        byte[] footer = Arrays.copyOfRange(bytes, (int) endAt, bytes.length);
        byte[] fewer = Arrays.copyOf(messages, messages.length);
        // drop the last chunk message of the unfinished copy, then put the original End + footer after what is left
        long lastChunkAt = records.get(records.size() - 2).offset();
        byte[] mixed = new byte[(int) lastChunkAt + footer.length];
        System.arraycopy(fewer, 0, mixed, 0, (int) lastChunkAt);
        System.arraycopy(footer, 0, mixed, (int) lastChunkAt, footer.length);
        Path disagreeing = Files.write(tmp.resolve("disagreeing_footer.rrd"), mixed);
        CliRun other = CliRun.of("verify", disagreeing.toString());
        assertThat(other.exitCode()).as(other.out() + other.err()).isEqualTo(ExitCode.BAD_DATA);
        assertThat(other.err()).contains("footer:");
    }
}

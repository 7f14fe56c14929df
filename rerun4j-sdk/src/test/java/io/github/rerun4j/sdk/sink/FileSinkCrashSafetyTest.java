package io.github.rerun4j.sdk.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process that dies while writing leaves a readable file: the file is complete after every flush (no close,
 * no footer needed), and a file cut at any byte of its last message yields every earlier message, then one
 * {@link RrdFormatException} that points at the cut message.
 */
class FileSinkCrashSafetyTest {

    private static final BatcherConfig MANUAL = BatcherConfig.DEFAULT.withFlushInterval(Duration.ofMinutes(10));

    @TempDir
    Path dir;

    private static DepthImage image(int i) {
        short[] px = new short[16 * 8];
        for (int p = 0; p < px.length; p++) {
            px[p] = (short) (i * 1000 + p * 13);
        }
        return DepthImage.fromU16(px, 16, 8).withMeter(1000.0 + i);
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void fileIsReadableAfterEveryFlushWhileTheStreamIsOpen(boolean lz4) throws Exception {
        Path file = dir.resolve("open.rrd");
        try (RecordingStream rec = RecordingStream.builder("crash_test").batching(MANUAL).saveTo(file, lz4)) {
            assertThat(LogMessageReader.readAll(file)).as("the store info is there from the start")
                    .singleElement().isInstanceOf(LogMessage.StoreInfoMessage.class);
            for (int k = 1; k <= 5; k++) {
                rec.setTimeSequence("frame", k);
                rec.log("cam/depth", image(k));
                rec.log("cam/other", image(-k));
                rec.flush();
                List<LogMessage> messages = LogMessageReader.readAll(file);
                List<Chunk> chunks = SdkFixtures.chunks(messages);
                assertThat(chunks).hasSize(2 * k);
                Chunk last = chunks.stream().filter(c -> c.entityPath().equals("/cam/depth")).reduce((a, b) -> b).orElseThrow();
                assertThat(ArchetypeCodec.readDepthImage(last, 0)).contains(image(k));
                assertThat(last.timeline("frame").orElseThrow().time(0)).isEqualTo(k);
            }
            rec.log("cam/depth", image(99));
            // Not flushed yet: the file still holds exactly what was flushed, and is still well-formed.
            assertThat(SdkFixtures.chunks(LogMessageReader.readAll(file))).hasSize(10);
        }
        assertThat(SdkFixtures.chunks(LogMessageReader.readAll(file))).hasSize(11);
    }

    @ParameterizedTest(name = "lz4={0}")
    @ValueSource(booleans = {false, true})
    void truncatingTheLastMessageAtEveryByteYieldsTheEarlierMessagesThenAnError(boolean lz4) throws Exception {
        Path file = dir.resolve("cut.rrd");
        try (RecordingStream rec = RecordingStream.builder("crash_test").batching(BatcherConfig.IMMEDIATE).saveTo(file, lz4)) {
            for (int i = 0; i < 3; i++) {
                rec.log("cam/depth", image(i));
            }
        }
        // What a crash leaves: the messages without the footer close() adds.
        List<RrdRecord> records = RrdReader.readAll(file);
        assertThat(records).hasSize(5);
        records = records.subList(0, 4);
        byte[] whole = java.util.Arrays.copyOf(Files.readAllBytes(file), (int) (records.get(3).offset() + records.get(3).framedLength()));
        Files.write(file, whole);
        RrdRecord lastRecord = records.get(3);
        long lastOffset = lastRecord.offset();
        assertThat(lastOffset + lastRecord.framedLength()).as("the last message ends the file").isEqualTo(whole.length);
        int earlier = records.size() - 1;

        // Cut exactly at a message boundary: indistinguishable from a complete, shorter file.
        assertThat(readUntilError(Arrays.copyOf(whole, (int) lastOffset)).messages).hasSize(earlier);
        assertThat(readUntilError(Arrays.copyOf(whole, (int) lastOffset)).error).isNull();

        for (int cut = (int) lastOffset + 1; cut < whole.length; cut++) {
            Outcome outcome = readUntilError(Arrays.copyOf(whole, cut));
            assertThat(outcome.messages).as("messages before a cut at %d", cut).hasSize(earlier);
            assertThat(outcome.messages.get(0)).isInstanceOf(LogMessage.StoreInfoMessage.class);
            for (int m = 1; m < earlier; m++) {
                Chunk c = ((LogMessage.ChunkMessage) outcome.messages.get(m)).chunk();
                assertThat(ArchetypeCodec.readDepthImage(c, 0)).as("image %d, cut at %d", m - 1, cut).contains(image(m - 1));
            }
            assertThat(outcome.error).as("error for a cut at %d", cut).isNotNull();
            assertThat(outcome.error.messageOffset()).as("damaged message, cut at %d", cut).isEqualTo(lastOffset);
            assertThat(outcome.error.offset()).as("where, cut at %d", cut).isBetween(lastOffset, (long) cut);
            assertThat(outcome.error.getMessage()).contains("at byte " + lastOffset);
            assertThat(outcome.afterError).as("next() after the error").isNull();
        }

        // The same through a file on disk, for a cut in the header and one in the payload.
        for (long cut : new long[] {lastOffset + 7, lastOffset + 16 + 3, whole.length - 1}) {
            Path cutFile = dir.resolve("cut-" + cut + ".rrd");
            Files.write(cutFile, Arrays.copyOf(whole, (int) cut));
            List<LogMessage> read = new ArrayList<>();
            try (LogMessageReader reader = LogMessageReader.open(cutFile)) {
                assertThatThrownBy(() -> {
                    for (LogMessageReader.Entry e = reader.next(); e != null; e = reader.next()) {
                        read.add(e.message());
                    }
                }).isInstanceOf(RrdFormatException.class)
                        .satisfies(e -> assertThat(((RrdFormatException) e).messageOffset()).isEqualTo(lastOffset));
            }
            assertThat(read).hasSize(earlier);
            assertThatThrownBy(() -> LogMessageReader.readAll(cutFile)).isInstanceOf(RrdFormatException.class);
        }
    }

    private record Outcome(List<LogMessage> messages, RrdFormatException error, LogMessageReader.Entry afterError) {
    }

    private static Outcome readUntilError(byte[] bytes) throws Exception {
        List<LogMessage> messages = new ArrayList<>();
        try (LogMessageReader reader = LogMessageReader.of(new ByteArrayInputStream(bytes))) {
            while (true) {
                LogMessageReader.Entry e;
                try {
                    e = reader.next();
                } catch (RrdFormatException error) {
                    return new Outcome(messages, error, reader.next());
                }
                if (e == null) {
                    return new Outcome(messages, null, null);
                }
                if (e.message() == null) {
                    fail("unexpected record without a message: " + e.record());
                }
                messages.add(e.message());
            }
        }
    }
}

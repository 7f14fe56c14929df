package io.github.rerun4j.viewer.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.store.TimelineInfo;
import io.github.rerun4j.viewer.TestRecordings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a growing .rrd file: every message exactly once, partial messages wait, damage becomes a problem. */
class FileFollowerTest {

    @TempDir
    Path dir;

    @Test
    void readsAFileThatTheSdkIsStillWriting() throws Exception {
        Path file = dir.resolve("live.rrd");
        RecordingHub hub = new RecordingHub();
        try (RecordingStream rec = RecordingStream.builder("test_frames").batching(BatcherConfig.IMMEDIATE).saveTo(file);
             FileFollower follower = FileFollower.start(file, hub)) {
            for (int i = 0; i < 30; i++) {
                TestRecordings.logFrame(rec, i);
                rec.flush();
                int frames = i + 1;
                await("frame " + i, () -> frameRows(hub) == frames);
            }
            assertThat(hub.recordings()).hasSize(1);
            assertThat(hub.recordings().get(0).problems()).isEmpty();
            TimelineInfo frame = hub.recordings().get(0).store().timelines().get("frame");
            assertThat(frame.min()).isZero();
            assertThat(frame.max()).isEqualTo(29);
        }
    }

    @Test
    void bytesArrivingInOddPiecesGiveEveryMessageExactlyOnce() throws Exception {
        Path whole = dir.resolve("whole.rrd");
        TestRecordings.write(whole, 40);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.createFile(dir.resolve("growing.rrd"));
        RecordingHub hub = new RecordingHub();
        Random random = new Random(7);
        try (FileFollower follower = FileFollower.start(file, hub);
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(700));
                out.write(bytes, at, n);
                out.flush();
                at += n;
            }
            await("all 40 frames", () -> frameRows(hub) == 40);
            assertThat(follower.messages()).isEqualTo(RrdReader.readAll(whole).size());
            assertThat(hub.recordings().get(0).problems()).isEmpty();
        }
    }

    @Test
    void aMessageCutInHalfWaitsForItsRestAndIsThenReadOnce() throws Exception {
        Path whole = dir.resolve("whole.rrd");
        TestRecordings.write(whole, 3);
        byte[] bytes = Files.readAllBytes(whole);
        RrdRecord last = lastChunk(whole);
        int cut = (int) (last.offset() + last.framedLength() / 2);
        Path file = Files.write(dir.resolve("cut.rrd"), Arrays.copyOf(bytes, cut));
        RecordingHub hub = new RecordingHub();
        try (FileFollower follower = FileFollower.start(file, hub)) {
            assertThat(follower.awaitCaughtUp(20, TimeUnit.SECONDS)).isTrue();
            assertThat(frameRows(hub)).isEqualTo(2);
            // Left alone, the cut-off end is reported as such...
            await("the incomplete-message notice", () -> problems(hub).stream().anyMatch(p -> p.contains("not a whole message yet")));
            assertThat(problems(hub)).singleElement().asString().contains("from byte " + last.offset());

            Files.write(file, Arrays.copyOfRange(bytes, cut, bytes.length), StandardOpenOption.APPEND);

            // ...and once the rest arrives the message is read and the notice goes.
            await("the third frame", () -> frameRows(hub) == 3);
            await("the notice to go", () -> problems(hub).isEmpty());
            assertThat(follower.isFinished()).isFalse();
        }
    }

    @Test
    void damagedFramingIsAProblemAndWhatCameBeforeStays() throws Exception {
        Path file = dir.resolve("damaged.rrd");
        TestRecordings.write(file, 5);
        RrdRecord last = lastChunk(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) last.offset()] = 99; // message kind 99 does not exist
        Files.write(file, bytes);
        RecordingHub hub = new RecordingHub();
        try (FileFollower follower = FileFollower.start(file, hub)) {
            await("the problem", () -> !problems(hub).isEmpty());
            await("following to end", follower::isFinished);
            assertThat(frameRows(hub)).isEqualTo(4);
            assertThat(problems(hub)).anySatisfy(p -> assertThat(p).contains("unknown kind 99").contains("byte " + last.offset()));
        }
    }

    @Test
    void aFileThatShrinksIsAProblemNotACrash() throws Exception {
        Path file = dir.resolve("shrinks.rrd");
        TestRecordings.write(file, 4);
        RecordingHub hub = new RecordingHub();
        try (FileFollower follower = FileFollower.start(file, hub)) {
            assertThat(follower.awaitCaughtUp(20, TimeUnit.SECONDS)).isTrue();
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(20);
            }
            await("following to end", follower::isFinished);
            assertThat(frameRows(hub)).isEqualTo(4);
            assertThat(problems(hub)).anySatisfy(p -> assertThat(p).contains("shrank"));
            // Its images are views of the file's pages, which now hold other bytes: the recording is no longer served.
            assertThat(hub.recordings()).allSatisfy(r -> assertThat(r.sourceChanged()).contains("truncated or replaced"));
        }
    }

    @Test
    void notAnRrdFileIsAProblemOfItsOwnRecording() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.rrd"), "these are not the bytes you are looking for");
        RecordingHub hub = new RecordingHub();
        try (FileFollower follower = FileFollower.start(file, hub)) {
            await("following to end", follower::isFinished);
            assertThat(hub.recordings()).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("unreadable-1");
                assertThat(r.source()).isEqualTo(file.toString());
                assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("expected FourCC RRF2"));
            });
        }
    }

    @Test
    void closeStopsAFollowerThatWaitsForMoreAndAddsNoProblem() throws Exception {
        Path file = dir.resolve("idle.rrd");
        TestRecordings.write(file, 2);
        RecordingHub hub = new RecordingHub();
        FileFollower follower = FileFollower.start(file, hub);
        assertThat(follower.awaitCaughtUp(20, TimeUnit.SECONDS)).isTrue();

        follower.close();

        assertThat(follower.isFinished()).isTrue();
        assertThat(problems(hub)).isEmpty();
        assertThat(frameRows(hub)).isEqualTo(2);
    }

    private static RrdRecord lastChunk(Path file) throws IOException {
        List<RrdRecord> records = RrdReader.readAll(file);
        return records.get(records.size() - 1);
    }

    private static long frameRows(RecordingHub hub) {
        return hub.recordings().stream()
                .map(r -> r.store().timelines().get("frame"))
                .filter(java.util.Objects::nonNull)
                .mapToLong(TimelineInfo::rowCount).sum();
    }

    private static List<String> problems(RecordingHub hub) {
        return hub.recordings().stream().flatMap(r -> r.problems().stream()).toList();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

package io.github.rerun4j.viewer.hub;

import io.github.rerun4j.sdk.RecordingStream;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.StoreId;
import io.github.rerun4j.viewer.RrdFiles;
import io.github.rerun4j.viewer.TestRecordings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower on the shared read loop: Rerun's footer, hostile LZ4 claims and running out of memory. */
class FileFollowerReadLoopTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithRerunsFooterIsOpenedByItWithoutReadingMessageByMessage() throws Exception {
        Path file = dir.resolve("closed.rrd");
        try (RecordingStream rec = TestRecordings.stream(io.github.rerun4j.sdk.sink.FileSink.create(file))) {
            for (int i = 0; i < 3; i++) {
                TestRecordings.logFrame(rec, i);
            }
        }
        RecordingHub hub = new RecordingHub();
        try (FileFollower follower = FileFollower.start(file, hub)) {
            assertThat(follower.awaitCaughtUp(20, TimeUnit.SECONDS)).isTrue();
            await("three frames", () -> rows(hub) == 3);
            // Framed one by one: only the store info, which the footer does not list (a scan frames 5 messages).
            assertThat(follower.messages()).isEqualTo(1);
            assertThat(hub.recordings().get(0).store().pendingChunks()).isZero();  // then read in the background
            Thread.sleep(FileFollower.INCOMPLETE_AFTER_MS + 3 * FileFollower.POLL_MS);
            assertThat(problems(hub)).isEmpty();
            assertThat(follower.isFinished()).isFalse();
        }
    }

    @Test
    void aFileEndingWithAFooterThatDoesNotCheckOutIsReadMessageByMessageAndSaysSo() throws Exception {
        Path file = dir.resolve("saved-by-rerun.rrd");
        TestRecordings.write(file, 3);
        io.github.rerun4j.sdk.rrd.Footers.appendStandIn(file);
        RecordingHub hub = new RecordingHub();
        try (FileFollower follower = FileFollower.start(file, hub)) {
            assertThat(follower.awaitCaughtUp(20, TimeUnit.SECONDS)).isTrue();
            await("three frames", () -> rows(hub) == 3);
            // Long enough for the incomplete-message notice, which the footer trailer must not trigger.
            Thread.sleep(FileFollower.INCOMPLETE_AFTER_MS + 3 * FileFollower.POLL_MS);
            assertThat(problems(hub)).containsExactly("saved-by-rerun.rrd: its footer is not usable (footer checksum "
                    + "mismatch: the trailer says 0x12345678, the 5 bytes at " + (Files.size(file) - 37) + " hash to 0x951a091); "
                    + "it was read message by message instead");
            assertThat(follower.isFinished()).isFalse();
        }
    }

    /**
     * Megabytes of valid LZ4 claiming 255 times their size: once read ahead of any check, which cost the follower
     * the claimed hundreds of megabytes (a 1 GB heap died of it); now the claim is refused before allocating and
     * the file shows the problem. Allocation is measured on the follower's own thread, between the first frame
     * and the problem.
     */
    @Test
    void anLz4SizeClaimTheDataCannotBackIsAProblemOfTheFileWithBoundedAllocation() throws Exception {
        Path file = dir.resolve("bomb.rrd");
        TestRecordings.write(file, 1);
        byte[] random = new byte[3 << 20];
        new Random(11).nextBytes(random);
        byte[] block = LZ4Factory.safeInstance().fastCompressor().compress(random);
        RrdFiles.appendLz4ArrowMsg(file, StoreId.recording("test_frames", "crafted"), block, 255L * block.length);

        RecordingHub hub = new RecordingHub();
        AtomicLong atFirstData = new AtomicLong(-1);
        AtomicLong atProblem = new AtomicLong(-1);
        hub.onChange(change -> {
            long allocated = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
            if (change.kind() == RecordingHub.Change.Kind.DATA) {
                atFirstData.compareAndSet(-1, allocated);
            } else if (change.kind() == RecordingHub.Change.Kind.PROBLEM) {
                atProblem.compareAndSet(-1, allocated);
            }
        });
        try (FileFollower follower = FileFollower.start(file, hub)) {
            await("following to end", follower::isFinished);
        }
        assertThat(rows(hub)).isEqualTo(1);
        assertThat(atProblem.get() - atFirstData.get()).as("bytes the follower allocated for the crafted message")
                .isPositive().isLessThan(16L << 20);
        assertThat(problems(hub)).anySatisfy(p -> assertThat(p).startsWith(file.getFileName() + ": ")
                .contains("decodes to " + random.length + " bytes"));
    }

    @Test
    void runningOutOfMemoryWhileFollowingIsAProblemOfTheFileNotADeadThread() throws Exception {
        Path file = dir.resolve("oom.rrd");
        TestRecordings.write(file, 3);
        RecordingHub hub = new RecordingHub();
        hub.onChange(change -> {
            if (change.kind() == RecordingHub.Change.Kind.DATA) {
                throw new OutOfMemoryError("Java heap space");  // what a huge frame does to a small heap
            }
        });
        try (FileFollower follower = FileFollower.start(file, hub)) {
            await("following to end", follower::isFinished);
        }
        assertThat(problems(hub)).singleElement().asString().startsWith(file.getFileName() + ": out of memory").contains("-Xmx");
    }

    private static long rows(RecordingHub hub) {
        return hub.recordings().stream().mapToLong(r -> r.store().rowCount()).sum();
    }

    private static List<String> problems(RecordingHub hub) {
        return hub.recordings().stream().flatMap(r -> r.problems().stream()).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

package io.github.rerun4j.sdk.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessage;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import io.github.rerun4j.sdk.rrd.RrdFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with a real crash: a child JVM logs 64x48 U16 frames with the default batching, flushing every
 * 500 frames and printing {@code flushed N}, and is killed with SIGKILL at a random (seeded) moment. The file must
 * read back: complete messages, then at most one {@link RrdFormatException} for a cut tail; every frame up to the
 * last {@code flushed N} the child printed is there, in order, with intact pixels.
 *
 * <p>15 kills in the default build; {@code -Plong-tests} (system property {@code rerun4j.crashRuns}) does more.
 */
class ProcessKillTest {

    private static final long SEED = Long.getLong("rerun4j.crashSeed", 20261121L);
    private static final int RUNS = Integer.getInteger("rerun4j.crashRuns", 15);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void killedWriterLeavesEveryFlushedFrameReadable() throws Exception {
        Random random = new Random(SEED);
        int pixels = ChildJvm.CRASH_WIDTH * ChildJvm.CRASH_HEIGHT;
        int truncatedTails = 0;
        int beforeFirstFlush = 0;
        int withUnflushedFrames = 0;
        long totalFrames = 0;
        long totalMs = 0;
        long minFlushed = Long.MAX_VALUE;
        long maxFlushed = -1;
        long maxUnflushedExtra = 0;
        for (int run = 0; run < RUNS; run++) {
            boolean lz4 = run % 2 == 1;
            long delayMs = 250 + random.nextInt(700);
            Path file = dir.resolve("kill-" + run + ".rrd");
            long t0 = System.nanoTime();
            Process child = ChildJvm.start(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), "crash", file.toString(),
                    String.valueOf(lz4));
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("run %d: child started", run).isEqualTo("started");
            // Drain stdout all along (a full pipe would stall the child); the last line before the kill counts.
            AtomicLong lastFlushedSeen = new AtomicLong(-1);
            Thread drain = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("flushed ")) {
                            lastFlushedSeen.set(Long.parseLong(line.substring(8)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            drain.start();
            Thread.sleep(delayMs);
            // SIGKILL on Linux: no shutdown hooks, no close(), no finally. Through the handle, which (unlike
            // Process.destroyForcibly) leaves our end of the pipe open, so we still read what was printed.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("run %d: killed by SIGKILL", run).isEqualTo(137);
            drain.join(10_000);
            long lastFlushed = lastFlushedSeen.get();

            List<Long> frames = new ArrayList<>();
            boolean truncated = false;
            try (LogMessageReader reader = LogMessageReader.open(file)) {
                for (LogMessageReader.Entry e = reader.next(); e != null; e = reader.next()) {
                    if (e.message() instanceof LogMessage.ChunkMessage c) {
                        Chunk chunk = c.chunk();
                        for (int r = 0; r < chunk.rowCount(); r++) {
                            long frame = chunk.timeline("frame").orElseThrow().time(r);
                            DepthImage img = ArchetypeCodec.readDepthImage(chunk, r).orElseThrow();
                            if (!Arrays.equals(TestImages.read(img), TestImages.pixels(7, (int) frame, pixels))) {
                                fail("run %d: frame %d's pixels differ from what was logged", run, frame);
                            }
                            frames.add(frame);
                        }
                    }
                }
            } catch (RrdFormatException cutTail) {
                // A message cut by the kill: everything before it was returned; nothing after it exists.
                truncated = true;
                assertThat(cutTail.messageOffset()).isLessThanOrEqualTo(Files.size(file));
            }
            assertThat(frames).as("run %d (killed after %d ms, last flushed %d): frames 0..n in order", run, delayMs, lastFlushed)
                    .isEqualTo(java.util.stream.LongStream.range(0, frames.size()).boxed().toList());
            assertThat((long) frames.size()).as("run %d: every frame up to the last 'flushed %d'", run, lastFlushed)
                    .isGreaterThan(lastFlushed);
            if (truncated) {
                truncatedTails++;
            }
            minFlushed = Math.min(minFlushed, lastFlushed);
            maxFlushed = Math.max(maxFlushed, lastFlushed);
            maxUnflushedExtra = Math.max(maxUnflushedExtra, frames.size() - 1 - lastFlushed);
            if (frames.size() - 1 > lastFlushed) {
                withUnflushedFrames++;
            }
            if (lastFlushed < 0) {
                beforeFirstFlush++;
            }
            totalFrames += frames.size();
            totalMs += (System.nanoTime() - t0) / 1_000_000;
            Files.delete(file);
        }
        System.out.printf("ProcessKillTest: %d kills (seed %d), last flushed frame %d..%d, in %d runs up to %d frames"
                + " beyond the last flush also on disk (timer and size writes), %d files with a cut tail message, %d killed before the first flush;"
                + " %d frames checked, %d ms%n", RUNS, SEED, minFlushed, maxFlushed, withUnflushedFrames, maxUnflushedExtra, truncatedTails,
                beforeFirstFlush, totalFrames, totalMs);
    }
}

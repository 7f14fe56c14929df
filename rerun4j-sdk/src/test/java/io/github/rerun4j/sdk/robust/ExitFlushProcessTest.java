package io.github.rerun4j.sdk.robust;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.SdkFixtures;
import io.github.rerun4j.sdk.TestImages;
import io.github.rerun4j.sdk.chunk.Chunk;
import io.github.rerun4j.sdk.internal.codec.ArchetypeCodec;
import io.github.rerun4j.sdk.rrd.LogMessageReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a logging program: a child JVM logs 200 frames that all stay pending in the batcher, never closes its
 * stream, and is terminated with SIGTERM ({@link Process#destroy()}). The exit hook writes every frame; with
 * {@code flushOnExit(false)} none is written, which shows the hook is what wrote them. A sink that never returns
 * delays the exit by the hook's limit (10 s), not forever.
 */
@Timeout(120)
class ExitFlushProcessTest {

    private static final int ROWS = 200;

    @TempDir
    Path dir;

    private static List<Integer> frames(Path file) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (Chunk c : SdkFixtures.chunks(LogMessageReader.readAll(file))) {
            for (int r = 0; r < c.rowCount(); r++) {
                short[] px = TestImages.read(ArchetypeCodec.readDepthImage(c, r).orElseThrow());
                assertThat(TestImages.intact(px)).isTrue();
                out.add((int) px[1]);
            }
        }
        return out;
    }

    private Path terminateAfterLogging(String name, boolean flushOnExit) throws Exception {
        Path file = dir.resolve(name);
        Process child = ChildJvm.start(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), "pending", file.toString(),
                String.valueOf(ROWS), String.valueOf(flushOnExit));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("logged " + ROWS);
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits on SIGTERM").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGTERM (128 + 15)").isEqualTo(143);
        return file;
    }

    @Test
    void sigtermWritesEveryPendingRow() throws Exception {
        Path file = terminateAfterLogging("exit.rrd", true);
        assertThat(frames(file)).containsExactlyElementsOf(java.util.stream.IntStream.range(0, ROWS).boxed().toList());
    }

    @Test
    void withFlushOnExitOffThePendingRowsAreLost() throws Exception {
        Path file = terminateAfterLogging("no-exit-flush.rrd", false);
        assertThat(frames(file)).isEmpty();
    }

    @Test
    void aSinkBlockedForeverDelaysExitByTheHooksLimitOnly() throws Exception {
        Process child = ChildJvm.start(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), "stalled");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("stuck");
            long start = System.nanoTime();
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the JVM exits although a sink never returns").isTrue();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("about ExitFlush's 10 s limit").isBetween(9_000L, 40_000L);
        } finally {
            child.destroyForcibly();
        }
    }
}

package io.github.rerun4j.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording eight times bigger than the heap of the JVM that opens it: images are mapped from the file, not
 * copied into the heap, so latest-at answers at its start, middle and end with the right pixels.
 */
class BiggerThanHeapTest {

    static final String ENTITY = "/cam/depth";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAMES = 1800;  // 1800 x 614,400 bytes: 1.1 GB
    private static final String HEAP = "-Xmx128m";

    @TempDir
    Path dir;

    @Test
    void aOneGigabyteRecordingAnswersLatestAtUnderA128MegabyteHeap() throws Exception {
        Path file = dir.resolve("big.rrd");
        short[] pixels = new short[WIDTH * HEIGHT];
        try (RecordingStream rec = RecordingStream.builder("bigger_than_heap").saveTo(file)) {
            for (int frame = 0; frame < FRAMES; frame++) {
                Arrays.fill(pixels, (short) frame);
                pixels[pixels.length - 1] = (short) (frame + 1);
                rec.setTimeSequence("frame", frame);
                rec.log(ENTITY, DepthImage.fromU16(pixels, WIDTH, HEIGHT));
            }
        }
        assertThat(Files.size(file)).isGreaterThan(8L * 128 << 20);

        Path out = dir.resolve("probe.txt");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), BiggerThanHeapProbe.class.getName(), file.toString(),
                "0", "900", "1799", "5000")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);

        assertThat(probe.exitValue()).as(String.join(File.separator.equals("/") ? "\n" : "\r\n", lines)).isZero();
        assertThat(lines).startsWith("frame=0 first=0 last=1", "frame=900 first=900 last=901",
                "frame=1799 first=1799 last=1800", "frame=5000 first=1799 last=1800");
        assertThat(lines.get(4)).startsWith("chunks=").contains(" heapPayload=");
    }
}

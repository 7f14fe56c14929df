package io.github.rerun4j.sdk.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounded memory through back-pressure: a child JVM with a small heap logs 640x480 U16 frames (one reused
 * short[], a new DepthImage per frame) as fast as it can into a sink that encodes each message and sleeps 10 ms. Nothing queues
 * without bound: the logging call that brings the pending rows to flushBytes writes them itself, so the logger
 * runs at the sink's pace. Default build: 200 MB with -Xmx48m; {@code -Plong-tests}: 2 GB with -Xmx64m.
 */
class BoundedMemoryTest {

    private static final long BYTES = Long.getLong("rerun4j.memoryBytes", 200L << 20);
    /** The sink sleeps this long per message: 10 ms per ~2 MiB chunk caps it near 200 MB/s, below the logger's pace. */
    private static final long SLEEP_MS = 10;
    private static final String XMX = System.getProperty("rerun4j.memoryXmx", "48m");

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void loggingFasterThanTheSinkWritesStaysWithinASmallHeap() throws Exception {
        Process child = ChildJvm.start(List.of("-Xmx" + XMX, "-XX:+UseSerialGC"), "memory", String.valueOf(BYTES), String.valueOf(SLEEP_MS));
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
            while (out.readLine() != null) {
                // drain
            }
        }
        assertThat(child.waitFor(20, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as("child exit status (an OutOfMemoryError exits 1): " + line).isZero();
        assertThat(line).startsWith("frames=");
        Map<String, Long> stats = new HashMap<>();
        for (String kv : line.split(" ")) {
            String[] p = kv.split("=");
            stats.put(p[0], Long.parseLong(p[1]));
        }
        assertThat(stats.get("bytes")).isGreaterThanOrEqualTo(BYTES);
        assertThat(stats.get("sinkBytes")).as("every pixel reached the sink").isGreaterThan(stats.get("bytes"));
        assertThat(stats.get("ms")).as("the logger ran at the sink's pace").isGreaterThanOrEqualTo(stats.get("sinkMessages") * SLEEP_MS);
        System.out.printf("BoundedMemoryTest: %d MB (%d frames of 640x480 U16) in %d ms through %d sink messages"
                + " (%d ms sleep each); -Xmx%s (maxMemory %d MB), peak heap %.1f MB (sum of pool peaks),"
                + " sampled max used %.1f MB%n", stats.get("bytes") >> 20, stats.get("frames"), stats.get("ms"),
                stats.get("sinkMessages"), SLEEP_MS, XMX, stats.get("xmx") >> 20, stats.get("peakHeap") / 1048576.0,
                stats.get("sampledMax") / 1048576.0);
    }
}

package io.github.rerun4j.viewer.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.batch.BatcherConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A viewer whose heap cannot hold the file (a child JVM with {@value #HEAP}): running out of memory while
 * loading, and while following a file that grows, is a problem the API reports; times after the last frame
 * read are refused (503 naming the problem) rather than answered with that last frame; what was read is
 * still served, right.
 */
class StarvedViewerTest {

    private static final String HEAP = "-Xmx48m";
    /** 320x240 u16 = 150 KB a frame decoded; LZ4 makes the file small, the store is not. */
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FRAMES = 600;  // 92 MB of pixels: twice the heap

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void runningOutOfMemoryWhileLoadingIsReportedAndNothingWrongIsServed() throws Exception {
        Path file = dir.resolve("big.rrd");
        try (RecordingStream rec = stream(file)) {
            for (int i = 0; i < FRAMES; i++) {
                logFrame(rec, i);
            }
        }
        Process child = startChild("load", file);
        try {
            checkStarved(port(child));
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void runningOutOfMemoryWhileFollowingAGrowingFileIsReportedAndNothingWrongIsServed() throws Exception {
        Path file = dir.resolve("growing.rrd");
        Process child = null;
        try (RecordingStream rec = stream(file)) {
            logFrame(rec, 0);
            rec.flush();
            child = startChild("follow", file);
            int port = port(child);
            for (int i = 1; i < FRAMES; i++) {
                logFrame(rec, i);
                if (i % 50 == 0) {
                    rec.flush();
                    Thread.sleep(50);  // the follower reads while the file grows
                }
            }
            rec.flush();
            checkStarved(port);
        } finally {
            if (child != null) {
                child.destroyForcibly().waitFor();
            }
        }
    }

    private void checkStarved(int port) throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/recordings";
        String recordings = awaitBody(base, body -> body.contains("out of memory"));
        assertThat(recordings).contains("-Xmx");
        String id = match(recordings, "\"id\":\"([^\"]+)\"");
        String summary = get(base + "/" + id).body();
        long last = Long.parseLong(match(summary, "\"name\":\"frame\",\"type\":\"sequence\",\"min\":0,\"max\":(\\d+)"));
        assertThat(last).as("frames read before memory ran out").isLessThan(FRAMES - 1);

        // The last frame of the file was never read: no answer may pretend it is the last one read.
        HttpResponse<String> beyond = get(base + "/" + id + "/scene?timeline=frame&time=" + (FRAMES - 1));
        assertThat(beyond.statusCode()).as(beyond.body()).isEqualTo(503);
        assertThat(beyond.body()).contains("out of memory").contains("frame " + last);
        HttpResponse<String> latest = get(base + "/" + id + "/scene?timeline=frame");
        assertThat(latest.statusCode()).as(latest.body()).isEqualTo(503);
        HttpResponse<String> pixelsBeyond = get(base + "/" + id + "/image?entity=/cam/depth&timeline=frame&time=" + (FRAMES - 1));
        assertThat(pixelsBeyond.statusCode()).isEqualTo(503);

        // What was read is still served, and right.
        assertThat(get(base + "/" + id + "/scene?timeline=frame&time=" + last).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> image = http.send(request(base + "/" + id + "/image?entity=/cam/depth&timeline=frame&time="
                + last), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        short first = ByteBuffer.wrap(image.body()).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertThat(first).as("a pixel of frame " + last).isEqualTo(valueOf((int) last));
    }

    private static RecordingStream stream(Path file) {
        return RecordingStream.builder("starved").batching(BatcherConfig.IMMEDIATE).defaultTimelines(false)
                .saveTo(file, true);
    }

    private static void logFrame(RecordingStream rec, int i) {
        short[] pixels = new short[WIDTH * HEIGHT];
        Arrays.fill(pixels, valueOf(i));
        rec.setTimeSequence("frame", i);
        rec.log("cam/depth", DepthImage.fromU16(pixels, WIDTH, HEIGHT).withMeter(1000));
    }

    private static short valueOf(int frame) {
        return (short) (1000 + frame);
    }

    private Process startChild(String mode, Path file) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", HEAP, "-cp", System.getProperty("java.class.path"),
                StarvedViewerMain.class.getName(), mode, file.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int port(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("port ")) {
                // Keep draining the child's output so that it never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError("the child viewer ended before serving");
    }

    private String awaitBody(String url, java.util.function.Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(url).body();
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no out-of-memory problem reported within 60 s; last answer: " + body);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(request(url), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }
}

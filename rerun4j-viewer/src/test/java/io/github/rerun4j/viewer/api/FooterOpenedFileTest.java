package io.github.rerun4j.viewer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.sdk.rrd.Footers;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file with a footer is served from its first request on, each answer the same as for the same file without
 * its footer (read message by message): the scene, the pixels, the times, the summary.
 */
class FooterOpenedFileTest {

    private static final int FRAMES = 300;
    private static final int W = 32;
    private static final int H = 24;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern ROW_TIME = Pattern.compile("\"rowTime\":(\\d+)");
    private static final Pattern IMAGE_URL = Pattern.compile("\"imageUrl\":\"([^\"]+)\"");

    @TempDir
    Path dir;

    private Path write(String name) {
        Path file = dir.resolve(name);
        try (RecordingStream rec = RecordingStream.builder("footer_opened").recordingId("footer-opened").saveTo(file)) {
            rec.logStatic("world/camera", Pinhole.fromFocalLengthAndResolution(30, W, H));
            for (int f = 0; f < FRAMES; f++) {
                rec.setTimeSequence("frame", f);
                short[] depth = new short[W * H];
                java.util.Arrays.fill(depth, (short) (1000 + f));
                rec.log("world/camera/depth", DepthImage.fromU16(depth, W, H).withMeter(1000));
            }
        }
        return file;
    }

    @Test
    void answersFromTheFirstRequestAsTheSameFileReadMessageByMessage() throws Exception {
        Path withFooter = write("with-footer.rrd");
        Path without = Footers.strip(Files.copy(withFooter, dir.resolve("without-footer.rrd")));
        try (Viewer lazy = Viewer.start(Viewer.LOOPBACK, 0); Viewer whole = Viewer.start(Viewer.LOOPBACK, 0)) {
            lazy.follow(withFooter);
            whole.follow(without).awaitCaughtUp(30, TimeUnit.SECONDS);
            String rec = awaitRecording(lazy);
            // Asked at once, while the rest of the file is still being read in the background.
            for (int t : new int[] {FRAMES - 1, FRAMES / 2, 0, 7}) {
                String scene = get(lazy, "api/recordings/" + rec + "/scene?timeline=frame&time=" + t);
                assertThat(find(ROW_TIME, scene)).as("frame %d", t).isEqualTo(Integer.toString(t));
                ByteBuffer pixels = ByteBuffer.wrap(RawHttp.get(lazy.url() + find(IMAGE_URL, scene).substring(1)
                        .replace("\\u0026", "&")).bytes()).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(pixels.getShort(0)).as("frame %d", t).isEqualTo((short) (1000 + t));
                assertThat(scene).isEqualTo(get(whole, "api/recordings/" + rec + "/scene?timeline=frame&time=" + t));
            }
            assertThat(get(lazy, "api/recordings/" + rec).replace("with-footer.rrd", "without-footer.rrd"))
                    .isEqualTo(get(whole, "api/recordings/" + rec));
            assertThat(get(lazy, "api/recordings/" + rec + "/times?timeline=frame"))
                    .isEqualTo(get(whole, "api/recordings/" + rec + "/times?timeline=frame"));
            assertThat(get(lazy, "api/recordings")).contains("\"problems\":[]");
        }
    }

    private static String awaitRecording(Viewer viewer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = ID.matcher(get(viewer, "api/recordings"));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no recording");
    }

    private static String get(Viewer viewer, String path) {
        RawHttp.Response r = RawHttp.get(viewer.url() + path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}

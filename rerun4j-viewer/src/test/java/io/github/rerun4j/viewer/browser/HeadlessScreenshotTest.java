package io.github.rerun4j.viewer.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.viewer.Viewer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's headless screenshot command works as printed: Chromium with {@code --virtual-time-budget} on
 * the page with {@code ?live=0} finishes and writes a PNG of the drawn views (with the event stream open,
 * virtual time never runs out and Chromium never exits).
 */
class HeadlessScreenshotTest {

    /** The Viridis yellow of the snippet's far plane in the 2D view. */
    static final int FAR_YELLOW = 0xFCE721;

    @TempDir
    Path dir;

    @Test
    void theDocumentedChromiumCommandFinishesWithTheViewsDrawn() throws Exception {
        BrowserBinaries binaries = BrowserBinaries.locate();
        if (binaries.chromium() == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + binaries.unavailableReason().orElse(""));
            }
            abort("browser tests skipped: " + binaries.unavailableReason().orElse(""));
        }
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        Path png = dir.resolve("page.png");
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0)) {
            viewer.load(file);
            // As README "The viewer" prints it (plus a throwaway profile, and --no-sandbox when run as root).
            List<String> command = new ArrayList<>(List.of(binaries.chromium().toString(), "--headless",
                    "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--window-size=1400,900",
                    "--virtual-time-budget=10000", "--screenshot=" + png, viewer.url() + "?live=0",
                    "--user-data-dir=" + dir.resolve("profile"), "--no-sandbox"));
            Process chromium = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("chromium.log").toFile()).start();
            long start = System.nanoTime();
            boolean finished = chromium.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                chromium.descendants().forEach(ProcessHandle::destroyForcibly); // the GPU and renderer processes
                chromium.destroyForcibly();
            }
            System.out.printf("headless screenshot: %s in %.1f s%n", finished ? "done" : "timed out",
                    (System.nanoTime() - start) / 1e9);
            assertThat(finished).as("chromium exits; its log: %s", log(dir)).isTrue();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        assertThat(count(image, FAR_YELLOW)).as("far-plane yellow pixels of the 2D view").isGreaterThan(10_000);
    }

    private static long count(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF)) <= 2 && Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF)) <= 2
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= 2) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("chromium.log"));
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }
}

package io.github.rerun4j.viewer.view2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImageSimple;
import io.github.rerun4j.render.colormap.Argb;
import io.github.rerun4j.render.image.DepthImageRenderer2D;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** depth_image_simple in the 2D view: every pixel as the Java reference, the region colors of §8.1. */
class View2dDemoTest {

    @TempDir
    Path dir;

    @Test
    void depthImageSimpleMatchesTheReferencePixelForPixel() throws Exception {
        Path file = dir.resolve("depth_image_simple.rrd");
        DepthImageSimple.write(file);
        DepthImage image = TestImages.snippet(); // the same pixels DepthImageSimple logs
        try (View2dPage page = View2dPage.open(file)) {
            int[] browser = page.readPixels("/depth", 300, 200);
            int[] reference = DepthImageRenderer2D.render(image);

            PixelComparison comparison = PixelComparison.of(browser, reference, 300, 1);
            System.out.println("depth_image_simple 300x200: " + comparison.describe());
            assertThat(comparison.mismatches()).as(comparison.describe()).isZero();
            assertThat(Argb.toHex(browser[10 * 300 + 10])).as("background").isEqualTo("#900D00");
            assertThat(Argb.toHex(browser[75 * 300 + 75])).as("square").isEqualTo("#28DAC0");
            assertThat(Argb.toHex(browser[160 * 300 + 200])).as("bar").isEqualTo("#FFAB24");
            page.browser.screenshot("view2d-depth-image-simple");
            assertThat(page.browser.consoleErrors()).isEmpty();
        }
    }
}

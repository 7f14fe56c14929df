package io.github.rerun4j.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImage3d;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page loads in real Chromium with WebGL2, finds the recording and shows its views without errors. */
class PageLoadsTest {

    @TempDir
    Path dir;

    @Test
    void demoRecordingLoadsWithoutConsoleErrors() throws Exception {
        Path file = dir.resolve("depth_image_3d.rrd");
        DepthImage3d.write(file);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(file);
            browser.get(viewer.url().toString());
            browser.waitFor("the scene", () -> Boolean.TRUE.equals(
                    browser.js("return window.rerun4j?.state?.scene?.depthImages?.length === 1")));
            assertThat(browser.js("return !!document.createElement('canvas').getContext('webgl2')")).isEqualTo(true);
            assertThat(browser.js("return [...window.rerun4j.views.keys()].sort().join(',')"))
                    .isEqualTo("2d:/world/camera/depth,3d,dataframe");
            browser.screenshot("page-loads");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}

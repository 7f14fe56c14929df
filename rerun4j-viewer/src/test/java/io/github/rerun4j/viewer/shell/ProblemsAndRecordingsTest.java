package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.examples.DepthImageSimple;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/** The header: the recording picker when there are several recordings, and the problems banner. */
class ProblemsAndRecordingsTest {

    @TempDir
    Path dir;

    @Test
    void thePickerAppearsWithASecondRecordingAndSwitchesBetweenThem() throws Exception {
        Path simple = dir.resolve("simple.rrd");
        Path frames = dir.resolve("frames.rrd");
        DepthImageSimple.write(simple);
        FrameRecording.write(frames);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(simple);
            ShellPage page = ShellPage.open(browser, viewer);
            assertThat(page.find("#recording-picker").isDisplayed()).isFalse();
            assertThat(browser.js("return document.querySelector('#problems').hidden")).isEqualTo(true);

            viewer.load(frames);
            browser.waitFor("the picker", () -> page.find("#recording-picker").isDisplayed());
            Select picker = new Select(page.find("#recording-picker"));
            assertThat(picker.getOptions()).hasSize(2);
            String framesId = viewer.hub().recordings().get(1).key();
            picker.selectByValue(framesId);
            browser.waitFor("the frames recording", () -> Boolean.TRUE.equals(browser.js(
                    "const s = window.rerun4j.state; return s.recording === arguments[0]"
                            + " && s.scene?.depthImages[0]?.entity === '/cam/depth'", framesId)));
            assertThat(page.find("#entity-tree").getText()).contains("cam", "depth");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aDamagedFileIsReportedInTheBannerAndWhatCouldBeReadIsShown() throws Exception {
        Path frames = dir.resolve("frames.rrd");
        FrameRecording.write(frames);
        byte[] whole = Files.readAllBytes(frames);
        Path damaged = dir.resolve("damaged.rrd");
        // The whole recording, then a second copy of it cut short in the middle of a message.
        byte[] bytes = Arrays.copyOf(whole, whole.length + whole.length / 2);
        System.arraycopy(whole, 0, bytes, whole.length, whole.length / 2);
        Files.write(damaged, bytes);
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.load(damaged);
            assertThat(viewer.hub().recordings().get(0).problems()).isNotEmpty();
            ShellPage page = ShellPage.open(browser, viewer);

            browser.waitFor("the banner", () -> page.find("#problems").isDisplayed());
            // The file by name: the page is not told where it lies on disk (DNS rebinding hardening).
            assertThat(page.find("#problems").getText()).contains("shell_frames", damaged.getFileName().toString())
                    .doesNotContain(damaged.getParent().toString());
            assertThat(browser.js("return window.rerun4j.state.times.length")).isEqualTo((long) FrameRecording.FRAMES);
            browser.screenshot("problems-banner");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}

package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.sdk.archetypes.Pinhole;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import io.github.rerun4j.viewer.browser.SharedViewerPage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page opens on the timeline the server names ({@code defaultTimeline}: Rerun 0.33's pick, whose rule is
 * tested in the store's DataTimesTest), and follows it as data arrives until the user chooses one.
 */
class DefaultTimelineTest {

    @RegisterExtension
    static final SharedViewerPage shared = SharedViewerPage.serving(DefaultTimelineTest::write);

    /** log_tick and log_time on every row (the SDK's defaults) and {@code frame} on the depth images. */
    static void write(Path file) {
        try (RecordingStream rec = RecordingStream.builder("default_timeline").saveTo(file)) {
            for (int i = 0; i < 3; i++) {
                rec.setTimeSequence("frame", 10 + i);
                rec.log("cam/depth", DepthImage.fromU16(new short[] {1, 2, 3, 4}, 2, 2));
            }
        }
    }

    @Test
    void opensOnTheTimelineTheUserLoggedNotOnLogTick() {
        Browser browser = shared.browser();
        ShellPage page = ShellPage.open(browser, shared.viewer());

        assertThat(browser.js("return window.rerun4j.state.timeline")).isEqualTo("frame");
        page.waitForSceneAtTime();
        assertThat(page.time()).isEqualTo("12"); // the latest frame
        assertThat(browser.js("return document.querySelector('#timeline .timeline-name').value")).isEqualTo("frame");
    }

    @Test
    void liveDataMovesAnUnchosenTimelineToTheBestOneButNeverTheUsersChoice() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open();
             RecordingStream rec = RecordingStream.builder("live_timelines").sink(viewer.sink())) {
            rec.log("cam", Pinhole.fromFocalLengthAndResolution(2, 2, 2)); // log_tick and log_time only
            rec.flush();
            ShellPage page = ShellPage.open(browser, viewer);
            assertThat(browser.js("return window.rerun4j.state.timeline")).isEqualTo("log_time");

            rec.setTimeSequence("frame", 7);
            rec.log("cam/depth", DepthImage.fromU16(new short[] {1, 2, 3, 4}, 2, 2));
            rec.flush();
            browser.waitFor("the page on frame", () -> "frame".equals(browser.js("return window.rerun4j.state.timeline")));
            page.waitForSceneAtTime();
            assertThat(page.time()).isEqualTo("7");

            page.chooseTimeline("log_tick"); // the user's choice from now on
            rec.setTimeSequence("frame", 8);
            rec.log("cam/depth", DepthImage.fromU16(new short[] {5, 6, 7, 8}, 2, 2));
            rec.flush();
            browser.waitFor("the new row", () -> Long.valueOf(3).equals(browser.js("return window.rerun4j.state.times.length")));
            assertThat(browser.js("return window.rerun4j.state.timeline")).isEqualTo("log_tick");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}

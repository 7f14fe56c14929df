package io.github.rerun4j.viewer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.sdk.archetypes.DepthImage;
import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Live logging: the timeline grows with the data and follows the newest time only while the user is at the end. */
class LiveFollowTest {

    @Test
    void theTimelineFollowsNewFramesAtTheEndAndStaysPutElsewhere() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open();
             RecordingStream rec = RecordingStream.builder("live_frames").defaultTimelines(false).sink(viewer.sink())) {
            log(rec, 0, 3);
            ShellPage page = ShellPage.open(browser, viewer);
            browser.waitFor("3 frames", () -> Long.valueOf(3).equals(browser.js("return window.rerun4j.state.times.length")));
            assertThat(page.waitForTimeThenPixel("2", FrameRecording.ENTITY)).isEqualTo(FrameRecording.depthOf(2));

            log(rec, 3, 5);
            browser.waitFor("5 frames", () -> Long.valueOf(5).equals(browser.js("return window.rerun4j.state.times.length")));
            assertThat(page.waitForTimeThenPixel("4", FrameRecording.ENTITY)).isEqualTo(FrameRecording.depthOf(4));

            page.scrubTo(1);
            log(rec, 5, 6);
            browser.waitFor("6 frames", () -> Long.valueOf(6).equals(browser.js("return window.rerun4j.state.times.length")));
            assertThat(page.time()).isEqualTo("1");
            assertThat(browser.js("return document.querySelector('#timeline .scrubber').max")).isEqualTo("5");

            // Data that arrives out of time order still lands in its place on the scrubber.
            log(rec, 9, 10);
            browser.waitFor("7 frames", () -> Long.valueOf(7).equals(browser.js("return window.rerun4j.state.times.length")));
            log(rec, 7, 8);
            browser.waitFor("8 frames", () -> Long.valueOf(8).equals(browser.js("return window.rerun4j.state.times.length")));
            assertThat(browser.js("return window.rerun4j.state.times.join(',')")).isEqualTo("0,1,2,3,4,5,7,9");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static void log(RecordingStream rec, int from, int to) {
        for (int i = from; i < to; i++) {
            rec.setTimeSequence("frame", i);
            short[] pixels = new short[8 * 6];
            Arrays.fill(pixels, (short) FrameRecording.depthOf(i));
            rec.log("cam/depth", DepthImage.fromU16(pixels, 8, 6));
        }
        rec.flush();
    }
}

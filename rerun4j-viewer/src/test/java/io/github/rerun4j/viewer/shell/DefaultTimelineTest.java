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
 * The timeline the page opens on is the one Rerun 0.33 picks (Timeline::pick_best_timeline): a timeline the
 * user logged over log_time over log_tick, then the most rows, then the last name.
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

    @Test
    void theRuleRanksUserTimelinesThenLogTimeThenLogTickThenRowsThenName() {
        Browser browser = shared.browser();
        ShellPage.open(browser, shared.viewer());
        assertThat(pick(browser, "[]", null)).isNull();
        assertThat(pick(browser, "[['log_tick', 5]]", null)).isEqualTo("log_tick");
        assertThat(pick(browser, "[['log_tick', 5], ['log_time', 5]]", null)).isEqualTo("log_time");
        assertThat(pick(browser, "[['log_tick', 9], ['log_time', 9], ['frame', 1]]", null)).isEqualTo("frame");
        assertThat(pick(browser, "[['frame', 1], ['message_log_time', 1], ['zzz', 9]]", null))
                .isEqualTo("message_log_time");
        assertThat(pick(browser, "[['a', 3], ['b', 7], ['c', 2]]", null)).isEqualTo("b");
        // A full tie: Rust's max_by keeps the last of the names in order.
        assertThat(pick(browser, "[['wall', 20], ['elapsed', 20], ['frame', 20]]", null)).isEqualTo("wall");
        // The built-in ones only with their own types: a timestamp timeline named log_tick is the user's.
        assertThat(pick(browser, "[['log_tick', 1, 'timestamp'], ['log_time', 9]]", null)).isEqualTo("log_tick");
        assertThat(pick(browser, "[['log_time', 1, 'sequence'], ['frame', 1]]", null)).isEqualTo("log_time");
        // A name the server chose wins when the recording has it, and is ignored when it does not.
        assertThat(pick(browser, "[['log_tick', 5], ['frame', 5]]", "log_tick")).isEqualTo("log_tick");
        assertThat(pick(browser, "[['log_tick', 5], ['frame', 5]]", "gone")).isEqualTo("frame");
    }

    /**
     * {@code defaultTimeline} of the page's state.js on {@code [['name', rowCount, type], ...]}; the type
     * defaults to sequence for log_tick and timestamp for the others.
     */
    private static Object pick(Browser browser, String timelines, String preferred) {
        return browser.jsAsync("const [json, preferred, done] = arguments; import('/state.js').then((m) => done("
                + "m.defaultTimeline(JSON.parse(json).map(([name, rowCount, type]) =>"
                + " ({name, rowCount, type: type ?? (name === 'log_tick' ? 'sequence' : 'timestamp')})), preferred)))",
                timelines.replace('\'', '"'), preferred);
    }
}

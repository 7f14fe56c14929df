package io.github.rerun4j.viewer.shell;

import static io.github.rerun4j.viewer.shell.FrameRecording.ENTITY;
import static io.github.rerun4j.viewer.shell.FrameRecording.FRAMES;
import static io.github.rerun4j.viewer.shell.FrameRecording.depthOf;
import static io.github.rerun4j.viewer.shell.FrameRecording.wallTime;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.viewer.Viewer;
import io.github.rerun4j.viewer.browser.Browser;
import io.github.rerun4j.viewer.browser.SharedViewerPage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * The timeline panel in real Chromium on a 20-frame recording: scrubbing snaps to the times with data and
 * shows their rows, step and keys move between them, play advances and pause stops, and the time label
 * speaks each timeline's units.
 */
class TimelinePanelTest {

    @RegisterExtension
    static final SharedViewerPage shared = SharedViewerPage.serving(FrameRecording::write);
    Viewer viewer;
    Browser browser;
    ShellPage page;

    @BeforeEach
    void useSharedPage() {
        viewer = shared.viewer();
        browser = shared.browser();
    }

    @Test
    void opensAtTheLatestTimeAndScrubbingToFrame2ShowsFrame2() {
        page = ShellPage.open(browser, viewer);
        page.chooseTimeline("frame");
        assertThat(page.time()).isEqualTo(Integer.toString(FRAMES - 1));
        assertThat(page.firstPixel(ENTITY)).isEqualTo(depthOf(FRAMES - 1));
        String lastRow = (String) browser.js("return window.rerun4j.state.scene.depthImages[0].rowId");

        page.scrubTo(2);

        assertThat(page.time()).isEqualTo("2");
        assertThat(page.label()).isEqualTo("#2");
        assertThat(browser.js("return window.rerun4j.state.scene.depthImages[0].rowTime")).isEqualTo(2L);
        assertThat(browser.js("return window.rerun4j.state.scene.depthImages[0].rowId")).isNotEqualTo(lastRow);
        assertThat(page.firstPixel(ENTITY)).isEqualTo(depthOf(2));
        assertThat(browser.js("return document.querySelector('#timeline .scrubber').max")).isEqualTo(Integer.toString(FRAMES - 1));
        browser.screenshot("timeline-frame-2");
    }

    @Test
    void stepButtonsAndArrowKeysMoveToTheNeighbouringTimesAndStopAtTheEnds() {
        page = ShellPage.open(browser, viewer);
        page.chooseTimeline("frame");
        page.scrubTo(2);

        page.click("#timeline .step-forward");
        assertThat(page.waitForTimeThenPixel("3", ENTITY)).isEqualTo(depthOf(3));
        page.press(Keys.ARROW_LEFT);
        page.press(Keys.ARROW_LEFT);
        assertThat(page.waitForTimeThenPixel("1", ENTITY)).isEqualTo(depthOf(1));
        page.click("#timeline .step-back");
        assertThat(page.waitForTimeThenPixel("0", ENTITY)).isEqualTo(depthOf(0));
        page.press(Keys.ARROW_LEFT); // already at the first time: stays
        page.press(Keys.ARROW_RIGHT);
        assertThat(page.waitForTimeThenPixel("1", ENTITY)).isEqualTo(depthOf(1));

        page.scrubTo(FRAMES - 1);
        page.press(Keys.ARROW_RIGHT); // already at the last time: stays
        page.press(Keys.ARROW_LEFT);
        assertThat(page.waitForTimeThenPixel(Integer.toString(FRAMES - 2), ENTITY)).isEqualTo(depthOf(FRAMES - 2));
    }

    @Test
    void playAdvancesThroughTheFramesAndStopsAtTheEnd() {
        page = ShellPage.open(browser, viewer);
        page.chooseTimeline("frame");
        page.scrubTo(0);

        page.press(Keys.SPACE);
        assertThat(page.playing()).isTrue();
        assertThat(page.find("#timeline .play").getAttribute("aria-label")).isEqualTo("pause");
        browser.waitFor("playback to reach frame 3", () -> Long.parseLong(page.time()) >= 3);
        browser.waitFor("playback to stop at the last frame", () -> !page.playing());

        assertThat(page.time()).isEqualTo(Integer.toString(FRAMES - 1));
        page.waitForSceneAtTime();
        assertThat(page.firstPixel(ENTITY)).isEqualTo(depthOf(FRAMES - 1));
        assertThat(page.find("#timeline .play").getAttribute("aria-label")).isEqualTo("play");
    }

    @Test
    void pauseStopsPlaybackWhereItIs() throws Exception {
        page = ShellPage.open(browser, viewer);
        page.chooseTimeline("frame");

        page.click("#timeline .play"); // at the end: starts over from the first frame
        browser.waitFor("playback to pass frame 2", () -> Long.parseLong(page.time()) >= 2);
        page.click("#timeline .play");
        assertThat(page.playing()).isFalse();
        page.waitForSceneAtTime();
        String pausedAt = page.time();
        Thread.sleep(400); // four playback steps: none may happen
        assertThat(page.time()).isEqualTo(pausedAt);
        assertThat(Long.parseLong(pausedAt)).isLessThan(FRAMES - 1);
        assertThat(page.firstPixel(ENTITY)).isEqualTo(depthOf(Integer.parseInt(pausedAt)));
    }

    @Test
    void realTimePlaybackOnADurationTimelineRunsToTheEnd() {
        page = ShellPage.open(browser, viewer);
        page.chooseTimeline("elapsed");
        page.scrubTo(FRAMES - 3); // 2.5 s of recording before the end

        page.press(Keys.SPACE);
        browser.waitFor("playback to stop at the end", () -> !page.playing());

        assertThat(page.label()).isEqualTo("+23.750s");
        page.waitForSceneAtTime();
        assertThat(page.firstPixel(ENTITY)).isEqualTo(depthOf(FRAMES - 1));
    }

    @Test
    void theTimeLabelSpeaksEachTimelinesUnits() {
        page = ShellPage.open(browser, viewer);

        page.chooseTimeline("frame");
        assertThat(page.label()).isEqualTo("#19");

        page.chooseTimeline("elapsed");
        assertThat(page.label()).isEqualTo("+23.750s");
        page.scrubTo(1);
        assertThat(page.label()).isEqualTo("+1.250s");
        page.scrubTo(0);
        assertThat(page.label()).isEqualTo("+0s");

        page.chooseTimeline("wall");
        assertThat(page.label()).isEqualTo("2026-11-21 18:00:19.123456789Z");
        // Nanosecond timestamps go to the server exactly, so each step lands on its own frame's data.
        page.press(Keys.ARROW_LEFT);
        assertThat(page.waitForTimeThenPixel(Long.toString(wallTime(FRAMES - 2)), ENTITY)).isEqualTo(depthOf(FRAMES - 2));
        assertThat(page.label()).isEqualTo("2026-11-21 18:00:18.123456789Z");
    }

    @Test
    void timestampAndDurationFormatsMatchTheCliRuleForFractions() {
        page = ShellPage.open(browser, viewer);
        for (long nanos : List.of(0L, 1L, 999_999_999L, 1_500_000_000L, 1_000_001_000L, -1L, -1_500_000_000L,
                wallTime(3), Long.MAX_VALUE, Long.MIN_VALUE + 1)) {
            // The CLI's TimeFormat prints Instant.toString(); the page puts a space for the 'T'.
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
            assertThat(format("timestamp", nanos)).as("timestamp %d", nanos)
                    .isEqualTo(instant.toString().replace('T', ' '));
        }
        assertThat(format("duration", 1_250_000_000L)).isEqualTo("+1.250s");
        assertThat(format("duration", -500_000L)).isEqualTo("-0.000500s");
        assertThat(format("duration", 3_600_000_000_007L)).isEqualTo("+3600.000000007s");
        assertThat(format("sequence", 1_234_567L)).isEqualTo("#1\u2009234\u2009567");
        assertThat(format("sequence", -42L)).isEqualTo("#\u221242");
    }

    private String format(String type, long nanos) {
        return (String) browser.jsAsync("const done = arguments[arguments.length - 1];"
                + "import('/timeformat.js').then((m) => done(m.formatTime(arguments[0], arguments[1])), (e) => done('error ' + e));",
                type, Long.toString(nanos));
    }
}

package io.github.rerun4j.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.RecordingStream;
import io.github.rerun4j.viewer.browser.Browser;
import org.junit.jupiter.api.Test;

/** The page follows data logged live: new frames appear without a reload. */
class LivePageTest {

    @Test
    void thePageAdvancesAsFramesAreLogged() {
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open();
             RecordingStream rec = TestRecordings.stream(viewer.sink())) {
            browser.get(viewer.url().toString());
            browser.js("window.__loads = (window.__loads ?? 0) + 1; return null");
            TestRecordings.logFrame(rec, 0);
            rec.flush();
            browser.waitFor("frame 0", () -> frameShown(browser) == 0);
            for (int i = 1; i <= 5; i++) {
                TestRecordings.logFrame(rec, i);
                rec.flush();
                int frame = i;
                browser.waitFor("frame " + i, () -> frameShown(browser) == frame);
            }
            assertThat(browser.js("return window.__loads")).as("no reload").isEqualTo(1L);
            assertThat(browser.js("return window.rerun4j.state.scene.depthImages[0].entity")).isEqualTo(TestRecordings.ENTITY);
            browser.screenshot("live-page");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    private static long frameShown(Browser browser) {
        Object time = browser.js("const s = window.rerun4j?.state; "
                + "return s?.timeline === 'frame' && s.scene?.depthImages?.length ? s.scene.time : -1");
        return ((Number) time).longValue();
    }
}

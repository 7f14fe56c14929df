package io.github.rerun4j.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rerun4j.sdk.rrd.RrdReader;
import io.github.rerun4j.sdk.rrd.RrdRecord;
import io.github.rerun4j.viewer.browser.Browser;
import io.github.rerun4j.viewer.http.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged recording shows what is readable and its problems in the page; the server keeps serving. */
class DamagedFilePageTest {

    @TempDir
    Path dir;

    @Test
    void theProblemsBannerNamesTheDamageAndTheReadableFramesShow() throws Exception {
        Path file = dir.resolve("damaged.rrd");
        TestRecordings.write(file, 5);
        List<RrdRecord> records = RrdReader.readAll(file);
        RrdRecord last = records.get(records.size() - 1);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) last.offset()] = 99; // an unknown message kind: damaged framing
        Files.write(file, bytes);

        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.follow(file);
            browser.get(viewer.url().toString());
            browser.waitFor("the problems banner", () -> Boolean.TRUE.equals(
                    browser.js("const b = document.getElementById('problems'); return !b.hidden && b.textContent.includes('unknown kind 99')")));
            String banner = (String) browser.js("return document.getElementById('problems').textContent");
            assertThat(banner).contains(file.getFileName().toString()).contains("byte " + last.offset())
                    .doesNotContain(file.getParent().toString()); // a name, not a path on disk
            browser.waitFor("the last readable frame", () -> Long.valueOf(3).equals(
                    browser.js("return window.rerun4j.state.scene?.depthImages?.length ? window.rerun4j.state.scene.time : -1")));
            browser.screenshot("damaged-file");
            assertThat(RawHttp.get(viewer.url().resolve("/api/recordings").toString()).status()).isEqualTo(200);
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAnRrdIsAProblemInThePage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.rrd"), "just some text, not a recording");
        try (Viewer viewer = Viewer.start(Viewer.LOOPBACK, 0); Browser browser = Browser.open()) {
            viewer.follow(file);
            browser.get(viewer.url().toString());
            browser.waitFor("the problems banner", () -> Boolean.TRUE.equals(
                    browser.js("const b = document.getElementById('problems'); return !b.hidden && b.textContent.includes('expected FourCC RRF2')")));
            browser.screenshot("not-an-rrd");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
